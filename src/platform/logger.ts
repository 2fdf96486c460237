import { pino, type Logger } from 'pino';

export type LogCategory = 'lifecycle' | 'smtp' | 'ingest' | 'http' | 'jobs' | 'directory' | 'cli' | 'exchange' | 'outbound' | 'dns';

// Until configureLogger runs with the validated level, log at info to standard error like the rest.
let root: Logger = pino({ level: 'info' }, pino.destination(2));

/** Replaces the root logger; the CLI calls this once at start with the configured level. */
export function configureLogger(level: string): void {
  const pretty = process.stdout.isTTY && process.env.CONGVAN_LOG_FORMAT !== 'json';
  root = pretty
    ? pino({ level, transport: { target: 'pino-pretty', options: { destination: 2 } } })
    : pino({ level }, pino.destination(2));
}

export function logger(category: LogCategory): Logger {
  return root.child({ category });
}
