import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServerProcess, type ServerProcess } from '../../test/helpers/server-process.js';
import type { ApiClient } from '../../test/helpers/api-client.js';
import { findOrganizationByAddress } from '../../src/directory/organization-repository.js';
import { openDatabase, type DatabaseHandle } from '../../src/platform/database/connection.js';
import { findServerPid, startCongVan } from '../ingest/congvan-server.js';
import type { PostgresCluster } from './postgres-cluster.js';

export type DeploymentKind = 'sqlite' | 'postgres-1-node' | 'postgres-2-nodes';

export const DEPLOYMENT_LABELS: Record<DeploymentKind, string> = {
  sqlite: 'SQLite, 1 node',
  'postgres-1-node': 'PostgreSQL, 1 node',
  'postgres-2-nodes': 'PostgreSQL, 2 nodes',
};

export interface Node {
  nodeId: string;
  smtpPort: number;
  /** Process id of the node's Node.js process. */
  pid: number;
  server: ServerProcess;
}

export interface Deployment {
  kind: DeploymentKind;
  nodes: Node[];
  /** The benchmark's own connection to the deployment's database, for counts and checks. */
  database: DatabaseHandle;
  /** Name of the PostgreSQL database, or null for SQLite. */
  postgresDatabase: string | null;
  organizationId: string;
  /** A session of the recipient organization's clerk on the first node. */
  clerk: ApiClient;
  /** Stops the nodes, then removes their data folders and the PostgreSQL database. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts one deployment of `./congvan serve --demo` on loopback: one node on SQLite with blobs in
 * its data folder, or one or two nodes on one new PostgreSQL database with blobs in the database
 * (CONGVAN_BLOB_STORE=pg). The second node starts after the first has migrated the database and
 * loaded the demo province, and finds the province already there. `extraEnv` is added to each
 * node's environment.
 */
export async function startDeployment(kind: DeploymentKind, recipient: string, cluster: PostgresCluster | null, extraEnv: Record<string, string> = {}): Promise<Deployment> {
  const dataDirs: string[] = [];
  const nodes: Node[] = [];
  let database: DatabaseHandle | null = null;
  let postgresDatabase: string | null = null;
  let stopped = false;

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      for (const node of nodes) await node.server.stop();
      await database?.close();
      if (postgresDatabase && cluster) await cluster.dropDatabase(postgresDatabase);
    } finally {
      for (const folder of dataDirs) rmSync(folder, { recursive: true, force: true });
    }
  };

  try {
    const newDataDir = () => {
      const folder = mkdtempSync(path.join(tmpdir(), 'congvan-bench-node-'));
      dataDirs.push(folder);
      return folder;
    };

    let databaseEnv: Record<string, string>;
    if (kind === 'sqlite') {
      const folder = newDataDir();
      databaseEnv = { CONGVAN_DATA_DIR: folder, CONGVAN_DATABASE_URL: `sqlite:${path.join(folder, 'congvan.sqlite')}` };
    } else {
      if (!cluster) throw new Error(`the ${kind} deployment needs a PostgreSQL cluster`);
      postgresDatabase = `bench_ingest_${Date.now().toString(36)}`;
      const url = await cluster.createDatabase(postgresDatabase);
      databaseEnv = { CONGVAN_DATA_DIR: newDataDir(), CONGVAN_DATABASE_URL: url, CONGVAN_BLOB_STORE: 'pg' };
    }

    const first = await startCongVan(recipient, { ...extraEnv, ...databaseEnv, CONGVAN_NODE_ID: 'bench-a' });
    nodes.push({ nodeId: 'bench-a', smtpPort: first.server.smtpPort, pid: first.pid, server: first.server });

    if (kind === 'postgres-2-nodes') {
      const folder = newDataDir();
      const second = await startServerProcess({ ...extraEnv, ...databaseEnv, CONGVAN_DATA_DIR: folder, CONGVAN_NODE_ID: 'bench-b' });
      nodes.push({ nodeId: 'bench-b', smtpPort: second.smtpPort, pid: findServerPid(folder), server: second });
    }

    database = openDatabase(databaseEnv.CONGVAN_DATABASE_URL!, { poolMax: 2, applicationName: 'bench reader' });
    const organization = await findOrganizationByAddress(database.db, recipient);
    if (!organization) throw new Error(`no organization owns ${recipient} in the demo province`);

    return { kind, nodes, database, postgresDatabase, organizationId: organization.id, clerk: first.clerk, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
