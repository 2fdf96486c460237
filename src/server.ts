import type { AddressInfo } from 'node:net';
import type { Config } from './config.js';
import { openAppContext, type AppContext } from './platform/app-context.js';
import { logger } from './platform/logger.js';
import { buildHttpApp } from './http/app.js';
import type { SMTPServer } from 'smtp-server';
import { createInboundSmtpServer } from './mail/smtp/inbound-smtp-server.js';
import { createSubmissionServer } from './mail/smtp/submission-server.js';
import { loadTlsCredentials } from './mail/smtp/tls-credentials.js';
import { ProcessingWorker } from './mail/inbound/processing-worker.js';
import { AcceptanceLoad } from './mail/smtp/acceptance-load.js';
import { JobRunner } from './platform/jobs/job-runner.js';
import { maintenanceSchedule } from './maintenance.js';
import { registerOutboundDelivery } from './mail/outbound/outbound-delivery-job.js';
import { closeSmtpPools } from './mail/outbound/smtp-delivery.js';
import { reminderSchedule } from './exchange/reminders.js';
import { warmUpTextExtraction } from './archive/text-extraction/extract-text.js';
import { settleSpooledMessages } from './mail/inbound/raw-message.js';

const log = logger('lifecycle');

export interface RunningServer {
  ctx: AppContext;
  httpPort: number;
  smtpPort: number;
  submissionPort: number;
  stop(): Promise<void>;
}

/**
 * Starts the background processing, the inbound SMTP server and the HTTP server, in that order,
 * and reports ready only when all three accept work.
 */
export async function startServer(config: Config, options: { beforeListen?: (ctx: AppContext) => Promise<void> } = {}): Promise<RunningServer> {
  const ctx = await openAppContext(config);
  await options.beforeListen?.(ctx);

  // Spooled raw messages are temporary files too, so they move to their addresses first.
  await settleSpooledMessages(ctx);
  const stale = await ctx.blobs.removeStaleTemporaryFiles(ctx.clock.now());
  if (stale > 0) log.info({ removed: stale }, 'removed temporary files of unfinished SMTP transactions');

  let ready = false;
  // Starting the first extraction thread takes seconds; do it before the first message waits for it.
  warmUpTextExtraction();
  const acceptance = new AcceptanceLoad();
  const worker = new ProcessingWorker(ctx, { acceptance });
  await worker.start();
  const jobs = new JobRunner(ctx, { retryBaseMs: config.jobRetryBaseMs, concurrency: config.jobConcurrency }).schedule(maintenanceSchedule(config.maintenanceIntervalMs));
  jobs.schedule(reminderSchedule(config.reminderIntervalMs));
  registerOutboundDelivery(jobs);
  jobs.start();

  const tls = await loadTlsCredentials(config);
  const smtp = createInboundSmtpServer(ctx, { tls, acceptance, onStored: () => worker.wake() });
  const submission = createSubmissionServer(ctx, { tls, allowPlainAuthOnLoopback: config.devPlainAuthOnLoopback });
  const http = await buildHttpApp(ctx, { isReady: () => ready });

  // Both listeners or neither: a server with SMTP up and HTTP down would accept mail that no one
  // can read, and a port taken by another process must stop the start with a clear error.
  try {
    await listenSmtp(smtp, config.smtpPort, config.smtpHost);
    await listenSmtp(submission, config.submissionPort, config.smtpHost);
    await http.listen({ port: config.httpPort, host: config.httpHost });
  } catch (error) {
    await closeSmtp(smtp);
    await closeSmtp(submission);
    await http.close();
    await worker.stop();
    await jobs.stop();
    await ctx.close();
    throw new StartupError(describeListenError(error, config));
  }

  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const submissionPort = (submission.server.address() as AddressInfo).port;
  const httpPort = (http.server.address() as AddressInfo).port;

  ready = true;
  log.info({ httpPort, smtpPort, submissionPort, dataDir: config.dataDir, engine: ctx.engine, nodeId: config.nodeId }, 'server ready');

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      ready = false;
      log.info('stopping: no new connections; finishing SMTP transactions in flight');
      await closeSmtp(smtp);
      await closeSmtp(submission);
      await http.close();
      await worker.stop();
      await jobs.stop();
      closeSmtpPools();
      await ctx.close();
      log.info('stopped');
    })();
    return stopping;
  };

  return { ctx, httpPort, smtpPort, submissionPort, stop };
}

function listenSmtp(server: SMTPServer, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
}

function closeSmtp(server: SMTPServer): Promise<void> {
  return new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A start that failed for a reason the operator fixes, such as a port in use. */
export class StartupError extends Error {
  override name = 'StartupError';
}

function describeListenError(error: unknown, config: Config): string {
  const code = (error as NodeJS.ErrnoException).code;
  const detail = error instanceof Error ? error.message : String(error);

  if (code === 'EADDRINUSE') {
    return `A port is already in use (${detail}). Stop the other server or choose free ports with CONGVAN_HTTP_PORT (now ${config.httpPort}), CONGVAN_SMTP_PORT (now ${config.smtpPort}) and CONGVAN_SUBMISSION_PORT (now ${config.submissionPort}).`;
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `Cannot bind the address (${detail}). Check CONGVAN_HTTP_HOST (now ${config.httpHost}) and CONGVAN_SMTP_HOST (now ${config.smtpHost}).`;
  }
  if (code === 'EACCES') {
    return `Not allowed to bind the port (${detail}). Ports below 1024 need root or the CAP_NET_BIND_SERVICE capability.`;
  }
  return `The server could not start listening: ${detail}`;
}
