import type { Config } from '../config.js';
import { openDatabase } from '../platform/database/connection.js';
import { migrateToLatest } from '../platform/database/migrate.js';
import { openAppContext } from '../platform/app-context.js';
import { loadDemoProvince } from '../directory/load-demo-province.js';
import { printDemoCredentials } from './demo-credentials.js';

export async function runMigrateCommand(config: Config): Promise<number> {
  const handle = openDatabase(config.databaseUrl);
  try {
    const applied = await migrateToLatest(handle);
    process.stdout.write(applied.length > 0 ? `Applied migrations: ${applied.join(', ')}\n` : 'The database is up to date.\n');
    return 0;
  } finally {
    await handle.close();
  }
}

export async function runDemoCommand(config: Config): Promise<number> {
  const ctx = await openAppContext(config);
  try {
    const demo = await loadDemoProvince(ctx);
    if (!demo.loaded) {
      process.stderr.write('The directory is not empty; the demo province loads only into an empty directory.\n');
      return 1;
    }
    printDemoCredentials(demo.credentials);
    return 0;
  } finally {
    await ctx.close();
  }
}
