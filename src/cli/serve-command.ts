import type { Config } from '../config.js';
import { logger } from '../platform/logger.js';
import { loadDemoProvince } from '../directory/load-demo-province.js';
import { startServer } from '../server.js';
import { printDemoCredentials } from './demo-credentials.js';

const log = logger('lifecycle');

export async function runServeCommand(config: Config, options: { demo?: boolean }): Promise<number> {
  const server = await startServer(config, {
    beforeListen: async (ctx) => {
      if (!options.demo) return;
      const demo = await loadDemoProvince(ctx);
      if (demo.loaded) printDemoCredentials(demo.credentials);
    },
  });

  process.stdout.write(
    `Công Văn is running.\n  Web and API: ${config.publicUrl.replace(/:\d+$/, `:${server.httpPort}`)}/  (API docs at /api/docs)\n  SMTP (inbound): port ${server.smtpPort}\n  SMTP (submission, STARTTLS + AUTH): port ${server.submissionPort}\n  Data folder: ${config.dataDir}\n`,
  );

  await new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      log.info({ signal }, 'signal received');
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      resolve();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });

  await server.stop();
  return 0;
}
