/** A command-line error: printed without a stack trace, with the exit code given. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}
