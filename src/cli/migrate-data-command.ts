import { openSync, readSync, closeSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.js';
import { openAppContext, type AppContext } from '../platform/app-context.js';
import { copyBlobs } from '../platform/copy-blobs.js';
import { findNonEmptyTable, findUnknownTables } from '../platform/database/application-tables.js';
import { openDatabase } from '../platform/database/connection.js';
import { copyTables, type DatabaseView } from '../platform/database/copy-database.js';
import { maskPassword } from '../platform/database/mask-password.js';
import { migrateToLatest } from '../platform/database/migrate.js';
import { compareMigrationLevels, readAppliedMigrations } from '../platform/database/migration-level.js';
import { compareTables, type TableComparison } from '../platform/database/verify-copy.js';
import { configureLogger } from '../platform/logger.js';
import { SourceBlobs } from '../platform/source-blobs.js';
import { CliError } from './cli-error.js';
import { formatSummary, ProgressPrinter } from './migrate-data-report.js';
import { FileBlobStore } from '../platform/blob-store.js';
import { settleSpooledMessages } from '../mail/inbound/raw-message.js';

const MIGRATE_DATA_HELP = `Usage: congvan migrate-data --from DATA_FOLDER|FILE.sqlite --to postgres://USER@HOST/DATABASE [--batch-size ROWS]

Copies a one-machine installation (SQLite and a blob folder) into an empty PostgreSQL database:
the directory, messages, documents, events, registers, sessions, jobs and blobs. Then it compares
row counts and a content hash of every table, and reads every blob back from the target store.
It exits with 0 only when all of it matches.

Stop the server that uses the source first, because mail it accepts after the copy starts does
not reach the target.

  --from PATH       the old data folder (database congvan.sqlite, blobs in blobs/), or the
                    .sqlite file itself (blobs in the blobs/ folder beside it)
  --to URL          the target database, postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE. It must
                    be empty: create it with createdb. Without a password in the URL, PGPASSWORD
                    or ~/.pgpass is used.
  --batch-size ROWS rows read and written at once (default 500, at most 10000)

Blobs go into the store that CONGVAN_BLOB_STORE names: pg (inside the target database) or
fs:FOLDER; without it, into <CONGVAN_DATA_DIR>/blobs. The source must be at the migration level
of this version: run ./congvan migrate on it first if it is behind.`;

const DEFAULT_BATCH_SIZE = 500;
const MAX_BATCH_SIZE = 10_000;
// Missing or failed blobs are listed up to this many. The summary line counts them all.
const LISTED_PROBLEMS = 20;

interface MigrateDataOptions {
  from: string;
  to: string;
  batchSize: number;
}

interface Source {
  databaseFile: string;
  blobFolder: string;
}

/**
 * Runs `congvan migrate-data`. It loads its own configuration with --to as the database, so that
 * CONGVAN_BLOB_STORE=pg is valid without CONGVAN_DATABASE_URL.
 */
export async function runMigrateDataCommand(args: string[]): Promise<number> {
  const options = parseOptions(args);
  if (!options) {
    process.stdout.write(`${MIGRATE_DATA_HELP}\n`);
    return 0;
  }

  const source = locateSource(options.from);
  const config = loadConfig({ ...process.env, CONGVAN_DATABASE_URL: options.to });
  configureLogger(config.logLevel);

  const sourceHandle = openDatabase(`sqlite:${source.databaseFile}`);
  const target = await openAppContext(config, { migrate: false });
  try {

    // One transaction on the source for every step, so they all see the same rows. On SQLite it
    // takes the write lock, so a server left running cannot write in between. Its writes wait
    // for the lock and then fail.
    return await sourceHandle.db.transaction().execute((snapshot) => migrateData({ db: snapshot, engine: sourceHandle.engine }, source, target, options));
  } finally {
    await target.close();
    await sourceHandle.close();
  }
}

async function migrateData(sourceDb: DatabaseView, source: Source, target: AppContext, options: MigrateDataOptions): Promise<number> {
  const from = `sqlite:${source.databaseFile}`;
  const to = maskPassword(options.to);
  const blobStore = describeBlobStore(target.config);
  const progress = new ProgressPrinter();
  process.stderr.write(`Copying ${from} and ${source.blobFolder} into ${to}, blobs into ${blobStore}.\n`);

  await prepareTarget(target, to);
  const sourceBlobs = await checkSource(sourceDb, source, target, from);

  await copyTables(sourceDb, target, { batchSize: options.batchSize, onProgress: (step) => progress.table(step) });
  const tables = await compareTables(sourceDb, target, { batchSize: options.batchSize, onTable: (comparison) => progress.verified(comparison) });
  const differing = tables.filter((table) => table.firstDifference !== null);
  if (differing.length > 0) {
    printTableDifferences(differing);
    return failAfterWriting(`${differing.length} of ${tables.length} tables differ between the source and the target`, to);
  }

  const addresses = sourceBlobs.addresses();
  process.stderr.write(`Copying ${addresses.length} blobs into ${blobStore}.\n`);
  const blobs = await copyBlobs(addresses, (address) => sourceBlobs.read(address), target.blobs, (step) => progress.blobs(step));
  if (blobs.problems.length > 0) {
    for (const { address, problem } of blobs.problems.slice(0, LISTED_PROBLEMS)) process.stderr.write(`blob ${address}: ${problem}\n`);
    return failAfterWriting(`${blobs.problems.length} of ${addresses.length} blobs did not copy`, to);
  }

  process.stdout.write(formatSummary(from, to, blobStore, tables, blobs));
  return 0;
}

/** Checks that the target is empty, migrates it and checks again, so that a database in use is never migrated. */
async function prepareTarget(target: AppContext, to: string): Promise<void> {
  await assertEmptyTarget(target, to);
  await migrateToLatest({ db: target.db, engine: target.engine, syncCommits: target.syncCommits, close: target.close });
  await assertEmptyTarget(target, to);
}

/** Checks the source's migration level, tables and blobs before anything is copied. */
async function checkSource(sourceDb: DatabaseView, source: Source, target: AppContext, from: string): Promise<SourceBlobs> {
  await assertSameMigrationLevel(sourceDb, target, from);
  await assertNoUnknownTables(sourceDb, from);

  // Raw messages that SMTP left in the spool folder move to their addresses, where the copy of
  // the blob folder finds them.
  await settleSpooledMessages({ db: sourceDb.db, blobs: new FileBlobStore(source.blobFolder) });

  const sourceBlobs = await SourceBlobs.open(sourceDb, source.blobFolder);
  assertNoMissingBlobs(sourceBlobs, from, source.blobFolder);
  return sourceBlobs;
}

function printTableDifferences(differing: TableComparison[]): void {
  for (const table of differing) {
    process.stderr.write(
      `${table.table}: ${table.sourceRows} rows (sha256 ${table.sourceSha256}) in the source, ${table.targetRows} rows (sha256 ${table.targetSha256}) in the target. The first difference is at ${table.firstDifference}.\n`,
    );
  }
}

/** Returns null for --help. */
function parseOptions(args: string[]): MigrateDataOptions | null {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, to: { type: 'string' }, 'batch-size': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return null;

  if (!values.from || !values.to) {
    throw new CliError('migrate-data needs --from and --to: congvan migrate-data --from /var/lib/congvan --to postgres://congvan@db.internal/congvan', 2);
  }
  if (!/^postgres(ql)?:\/\//.test(values.to)) {
    throw new CliError(`Invalid --to "${maskPassword(values.to)}": migrate-data copies into PostgreSQL, so give a postgres://USER@HOST/DATABASE URL of an empty database.`, 2);
  }

  return { from: values.from, to: values.to, batchSize: parseBatchSize(values['batch-size']) };
}

function parseBatchSize(text: string | undefined): number {
  if (text === undefined) return DEFAULT_BATCH_SIZE;

  const batchSize = Number(text);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    throw new CliError(`Invalid --batch-size "${text}": give a whole number of rows from 1 to ${MAX_BATCH_SIZE}.`, 2);
  }
  return batchSize;
}

/** Finds the SQLite file and the blob folder that --from names: a data folder or the file itself. */
function locateSource(from: string): Source {
  const resolved = path.resolve(from);
  const info = statOrNull(resolved);
  if (!info) throw new CliError(`--from ${resolved} not found: give the data folder of the old server or its .sqlite file.`, 1);

  const databaseFile = info.isDirectory() ? path.join(resolved, 'congvan.sqlite') : resolved;
  if (!statOrNull(databaseFile)?.isFile()) {
    throw new CliError(`No congvan.sqlite in ${resolved}: give the data folder of the old server, or its .sqlite file, with --from.`, 1);
  }
  if (!isSqliteFile(databaseFile)) throw new CliError(`${databaseFile} is not a SQLite database: give the old server's congvan.sqlite with --from.`, 1);

  return { databaseFile, blobFolder: path.join(path.dirname(databaseFile), 'blobs') };
}

function statOrNull(file: string): ReturnType<typeof statSync> | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

// Every SQLite 3 database file starts with these 16 bytes.
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function isSqliteFile(file: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const descriptor = openSync(file, 'r');
  try {
    readSync(descriptor, header, 0, header.length, 0);
  } finally {
    closeSync(descriptor);
  }
  return header.equals(SQLITE_HEADER);
}

async function assertEmptyTarget(target: AppContext, to: string): Promise<void> {
  let nonEmpty: Awaited<ReturnType<typeof findNonEmptyTable>>;
  try {
    nonEmpty = await findNonEmptyTable(target.db);
  } catch (error) {
    throw new CliError(`Could not read the target database ${to}: ${error instanceof Error ? error.message : String(error)}. Check the URL and that the database exists (createdb).`, 1);
  }

  if (nonEmpty) {
    throw new CliError(
      `The target database ${to} is not empty: table ${nonEmpty.name} has ${nonEmpty.rows} rows. migrate-data writes only into an empty database. Create a new one with createdb and give its URL with --to.`,
      1,
    );
  }
}

async function assertSameMigrationLevel(sourceDb: DatabaseView, target: AppContext, from: string): Promise<void> {
  const applied = await readAppliedMigrations(sourceDb.db);
  if (applied.length === 0) throw new CliError(`${from} has no applied migrations, so it is not a Công Văn database. Check --from.`, 1);

  const { missing, unknown } = compareMigrationLevels(applied, await readAppliedMigrations(target.db));
  if (unknown.length > 0) {
    throw new CliError(`${from} has migrations that this version does not know (${unknown.join(', ')}): upgrade to the version the old server ran, or a later one, and run migrate-data again.`, 1);
  }
  if (missing.length > 0) {
    throw new CliError(
      `${from} lacks migrations of this version (${missing.join(', ')}): run CONGVAN_DATABASE_URL=${from} ./congvan migrate with this version first, with the old server stopped.`,
      1,
    );
  }
}

async function assertNoUnknownTables(sourceDb: DatabaseView, from: string): Promise<void> {
  const unknown = await findUnknownTables(sourceDb.db);
  if (unknown.length > 0) {
    throw new CliError(`${from} has tables that migrate-data does not copy (${unknown.join(', ')}). Remove them from the source, or add them to APPLICATION_TABLES.`, 1);
  }
}

function assertNoMissingBlobs(sourceBlobs: SourceBlobs, from: string, blobFolder: string): void {
  const missing = sourceBlobs.missing;
  if (missing.length === 0) return;

  const listed = missing.slice(0, LISTED_PROBLEMS).map(({ address, referencedBy }) => `  ${address} (${referencedBy})`);
  const more = missing.length > LISTED_PROBLEMS ? [`  and ${missing.length - LISTED_PROBLEMS} more`] : [];
  throw new CliError(
    [`${missing.length} blobs that ${from} references are neither in ${blobFolder} nor in its blobs table, so nothing was copied:`, ...listed, ...more].join('\n'),
    1,
  );
}

function failAfterWriting(problem: string, to: string): number {
  process.stderr.write(`congvan: migrate-data failed: ${problem}. ${to} now contains a copy that failed verification. Drop it, create an empty database and run again.\n`);
  return 1;
}

function describeBlobStore(config: Config): string {
  return config.blobStore.kind === 'pg' ? 'pg (the target database)' : `fs:${config.blobStore.path}`;
}
