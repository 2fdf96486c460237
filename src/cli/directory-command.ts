import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { openAppContext } from '../platform/app-context.js';
import { exportDirectoryCsv } from '../directory/directory-csv-export.js';
import { DIRECTORY_CSV_KINDS, DirectoryImportError, type DirectoryCsvKind } from '../directory/directory-csv-format.js';
import { importDirectoryCsv } from '../directory/directory-csv-import.js';
import { CliError } from './cli-error.js';
import { assertInputFile } from './input-file.js';

export async function runDirectoryCommand(config: Config, args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;

  if (subcommand === 'import') return importCommand(config, rest);
  if (subcommand === 'export') return exportCommand(config, rest);

  throw new CliError(`Unknown directory subcommand "${subcommand ?? ''}": use import FILE.csv or export organizations|users|groups.`, 2);
}

async function importCommand(config: Config, args: string[]): Promise<number> {
  const file = args[0];
  if (!file) throw new CliError('directory import needs a CSV file: congvan directory import organizations.csv', 2);
  assertInputFile(file);

  const text = await readFile(file, 'utf8');
  const ctx = await openAppContext(config);
  try {
    const result = await importDirectoryCsv(ctx, text);
    process.stdout.write(`Imported ${result.kind} from ${file}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged.\n`);
    if (result.credentials.length > 0) {
      process.stdout.write('\nPasswords of the new users (shown only once):\n');
      for (const credential of result.credentials) process.stdout.write(`  ${credential.login.padEnd(24)} ${credential.password}\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof DirectoryImportError)) throw error;

    process.stderr.write(`${file}: ${error.messageEn}\n`);
    for (const problem of error.problems) {
      process.stderr.write(`  line ${problem.line}${problem.column ? `, column ${problem.column}` : ''}: ${problem.messageEn}\n`);
    }
    return 1;
  } finally {
    await ctx.close();
  }
}

async function exportCommand(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { output: { type: 'string', short: 'o' } } });
  const kind = positionals[0];
  if (!isDirectoryCsvKind(kind)) {
    throw new CliError(`directory export needs "organizations", "users" or "groups", not "${kind ?? ''}".`, 2);
  }

  const ctx = await openAppContext(config);
  try {
    const csv = await exportDirectoryCsv(ctx, kind);
    if (values.output) {
      await writeFile(values.output, csv);
      process.stderr.write(`Wrote ${kind} to ${values.output}.\n`);
    } else {
      process.stdout.write(csv);
    }
    return 0;
  } finally {
    await ctx.close();
  }
}

function isDirectoryCsvKind(value: string | undefined): value is DirectoryCsvKind {
  return (DIRECTORY_CSV_KINDS as readonly (string | undefined)[]).includes(value);
}
