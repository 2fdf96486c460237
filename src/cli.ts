import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { configureLogger } from './platform/logger.js';
import { CliError } from './cli/cli-error.js';

const USAGE = `Usage: congvan <command> [options]

Commands:
  serve [--demo]                 start the HTTP and SMTP servers (--demo loads the demo province into an empty directory)
  migrate                        apply pending database migrations
  demo                           load the demo province into an empty directory and print its logins
  ingest FILE.eml [--json] [--to ADDRESS]...
                                 process one message as if it arrived by SMTP; --json prints what would be registered and stores nothing
  users add --login L --name N --org CODE --roles clerk[,leader] [--email E] [--update [--move]]
                                 create a user; the password is read from standard input. An existing
                                 login is changed only with --update (empty input keeps the password),
                                 and moved to another organization only with --move as well
  users list                     list users
  users passwd --login L         set a user's password, read from standard input
  directory import FILE.csv      import organizations, users or groups (told apart by the header row)
  directory export organizations|users|groups [--output FILE]
  dns DOMAIN                     print the MX, SPF, DKIM and DMARC records to publish for a sending domain (generates its DKIM key)
  migrate-data --from DATA_FOLDER|FILE.sqlite --to postgres://...
                                 copy a stopped SQLite installation into an empty PostgreSQL database and verify it

Configuration comes from CONGVAN_* environment variables; see README.md.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;

  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }

  // migrate-data loads the configuration itself, with its --to URL as the database.
  if (command === 'migrate-data') return (await import('./cli/migrate-data-command.js')).runMigrateDataCommand(rest);

  const config = loadConfig();
  configureLogger(config.logLevel);

  // Each command loads only its own modules, so a short command does not pay for the server's.
  switch (command) {
    case 'serve': {
      const { runServeCommand } = await import('./cli/serve-command.js');
      return runServeCommand(config, parseArgs({ args: rest, options: { demo: { type: 'boolean', default: false } } }).values);
    }
    case 'migrate':
      return (await import('./cli/setup-commands.js')).runMigrateCommand(config);
    case 'demo':
      return (await import('./cli/setup-commands.js')).runDemoCommand(config);
    case 'ingest':
      return (await import('./cli/ingest-command.js')).runIngestCommand(config, rest);
    case 'users':
      return (await import('./cli/users-command.js')).runUsersCommand(config, rest);
    case 'directory':
      return (await import('./cli/directory-command.js')).runDirectoryCommand(config, rest);
    case 'dns':
      return (await import('./cli/dns-command.js')).runDnsCommand(config, rest);
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
      return 2;
  }
}

// A reader that stops early (`congvan users list | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof CliError || (error instanceof Error && error.name === 'StartupError')) {
      process.stderr.write(`congvan: ${error.message}\n`);
      // 78 is EX_CONFIG of sysexits.h, the usual exit code for a configuration error.
      let exitCode = 1;
      if (error instanceof CliError) exitCode = error.exitCode;
      if (error instanceof ConfigError) exitCode = 78;
      process.exitCode = exitCode;
      return;
    }
    if (error instanceof Error && error.name === 'TypeError' && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`congvan: ${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`congvan: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
