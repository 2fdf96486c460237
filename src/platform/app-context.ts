import type { Config } from '../config.js';
import { FileBlobStore, type BlobStore } from './blob-store.js';
import { DatabaseBlobStore, temporaryFolderOf } from './database-blob-store.js';
import { systemClock, type Clock } from './clock.js';
import { openDatabase, type Db } from './database/connection.js';
import type { Engine } from './database/engine.js';
import { migrateToLatest } from './database/migrate.js';
import { createDnsResolver, type DnsResolver } from './dns/dns-resolver.js';

/** Platform services every feature uses: the database, the blob store and the clock. */
export interface AppContext {
  config: Config;
  db: Db;
  engine: Engine;
  blobs: BlobStore;
  clock: Clock;
  /** DNS for mail: CONGVAN_DNS_RECORDS first, then the configured name servers. */
  dns: DnsResolver;
  /** Resolves once every transaction committed so far survives a power failure; await it before promising that outside. */
  syncCommits(): Promise<void>;
  close(): Promise<void>;
}

export async function openAppContext(config: Config, options: { clock?: Clock; migrate?: boolean } = {}): Promise<AppContext> {
  const dns = createDnsResolver(config);
  const handle = openDatabase(config.databaseUrl, {
    poolMax: config.databasePoolMax,
    statementTimeoutMs: config.databaseStatementTimeoutMs,
    applicationName: `congvan ${config.nodeId}`,
  });

  if (options.migrate !== false) {
    await migrateToLatest(handle);
  }

  return {
    config,
    db: handle.db,
    engine: handle.engine,
    blobs: openBlobStore(config, handle.db),
    clock: options.clock ?? systemClock,
    dns,
    syncCommits: () => handle.syncCommits(),
    close: () => handle.close(),
  };
}

function openBlobStore(config: Config, db: Db): BlobStore {
  if (config.blobStore.kind === 'pg') return new DatabaseBlobStore(db, temporaryFolderOf(config.dataDir));
  return new FileBlobStore(config.blobStore.path);
}
