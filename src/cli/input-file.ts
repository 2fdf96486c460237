import { statSync } from 'node:fs';
import { CliError } from './cli-error.js';

/** Checks that a command's input exists and is a regular file, with an error that names it. */
export function assertInputFile(file: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch {
    throw new CliError(`File not found: ${file}`, 1);
  }

  if (!isFile) throw new CliError(`Not a file: ${file}; give the path of one file.`, 1);
}
