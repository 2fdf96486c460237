import type { AppContext } from './platform/app-context.js';
import { removeFinishedJobs } from './platform/jobs/job-queue.js';
import type { Schedule } from './platform/jobs/job-runner.js';
import { removeOldLoginFailures } from './directory/authenticate.js';
import { removeExpiredSessions } from './directory/sessions.js';

// Done jobs are kept a month so an operator can see what ran, and by which node.
const FINISHED_JOB_RETENTION_MS = 30 * 24 * 3600 * 1000;

/** Housekeeping that runs once per interval across all nodes: expired sessions, old records. */
export function maintenanceSchedule(intervalMs: number): Schedule {
  return {
    name: 'maintenance',
    intervalMs,
    run: async (ctx: AppContext) => ({
      node: ctx.config.nodeId,
      expiredSessions: await removeExpiredSessions(ctx),
      oldLoginFailures: await removeOldLoginFailures(ctx),
      finishedJobs: await removeFinishedJobs(ctx, FINISHED_JOB_RETENTION_MS),
    }),
  };
}
