import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { openAppContext, type AppContext } from '../../src/platform/app-context.js';
import type { Clock } from '../../src/platform/clock.js';
import { createTestDatabase } from './test-database.js';

export interface TestContext {
  ctx: AppContext;
  dataDir: string;
  /** The variables that point a command or a child process at the same data. */
  env: Record<string, string>;
  /** Opens another context on the same data, as a second node would; the caller closes it. */
  openNode(nodeId: string, clock?: Clock): Promise<AppContext>;
  close(): Promise<void>;
}

/** Opens an application context on a fresh data folder and database, migrated. */
export async function openTestContext(
  prefix = 'congvan-test-',
  options: {
    nodeId?: string;
    clock?: Clock;
    /** Zone-file lines the context's DNS answers from. */
    dnsRecords?: string;
    /** Blobs in a folder of the data folder, on either database, instead of the pass's choice. */
    fileBlobs?: boolean;
  } = {},
): Promise<TestContext> {
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix));
  const database = await createTestDatabase();
  const recordsFile = path.join(dataDir, 'dns-records.zone');
  writeFileSync(recordsFile, options.dnsRecords ?? '');
  const env: Record<string, string> = { CONGVAN_DATA_DIR: dataDir, CONGVAN_DNS_SERVERS: 'none', CONGVAN_DNS_RECORDS: recordsFile, ...database.env };
  if (options.fileBlobs) env.CONGVAN_BLOB_STORE = `fs:${path.join(dataDir, 'blobs')}`;
  const ctx = await openAppContext(loadConfig({ ...env, CONGVAN_NODE_ID: options.nodeId ?? 'test-node' }), { clock: options.clock });

  return {
    ctx,
    dataDir,
    env,
    openNode: (nodeId, clock) => openAppContext(loadConfig({ ...env, CONGVAN_NODE_ID: nodeId }), { clock, migrate: false }),
    close: async () => {
      await ctx.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
