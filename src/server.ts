import type { AddressInfo } from 'node:net';
import type { Config } from './config.js';
import { openAppContext, type AppContext } from './platform/app-context.js';
import { logger } from './platform/logger.js';
import { buildHttpApp } from './http/app.js';
import { createInboundSmtpServer } from './mail/smtp/inbound-smtp-server.js';
import { loadTlsCredentials } from './mail/smtp/tls-credentials.js';
import { ProcessingWorker } from './mail/inbound/processing-worker.js';
import { warmUpTextExtraction } from './archive/text-extraction/extract-text.js';

const log = logger('lifecycle');

export interface RunningServer {
  ctx: AppContext;
  httpPort: number;
  smtpPort: number;
  stop(): Promise<void>;
}

/**
 * Starts the background processing, the inbound SMTP server and the HTTP server, in that order,
 * and reports ready only when all three accept work.
 */
export async function startServer(config: Config, options: { beforeListen?: (ctx: AppContext) => Promise<void> } = {}): Promise<RunningServer> {
  const ctx = await openAppContext(config);
  await options.beforeListen?.(ctx);

  let ready = false;
  // Starting the first extraction thread takes seconds; do it before the first message waits for it.
  warmUpTextExtraction();
  const worker = new ProcessingWorker(ctx);
  await worker.start();

  const tls = await loadTlsCredentials(config);
  const smtp = createInboundSmtpServer(ctx, { tls, onStored: () => worker.wake() });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(config.smtpPort, config.smtpHost, () => {
      smtp.off('error', reject);
      resolve();
    });
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const http = await buildHttpApp(ctx, { isReady: () => ready });
  await http.listen({ port: config.httpPort, host: config.httpHost });
  const httpPort = (http.server.address() as AddressInfo).port;

  ready = true;
  log.info({ httpPort, smtpPort, dataDir: config.dataDir }, 'server ready');

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      ready = false;
      log.info('stopping: no new connections; finishing SMTP transactions in flight');
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await http.close();
      await worker.stop();
      await ctx.close();
      log.info('stopped');
    })();
    return stopping;
  };

  return { ctx, httpPort, smtpPort, stop };
}
