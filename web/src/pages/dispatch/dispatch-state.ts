import type { DispatchDelivery, DispatchDetail, RecipientStatus } from '../../api/dispatch-types';

// The server never moves a copy out of these states.
const finalStatuses: ReadonlySet<RecipientStatus> = new Set(['accepted', 'rejected', 'withdrawn']);

// A recall reaches every copy not yet decided, including one whose sending failed.
const recallableStatuses: ReadonlySet<RecipientStatus> = new Set(['queued', 'delivered', 'read', 'failed']);

/** Tells whether no recipient's copy can change any more, so that the page may stop refreshing. */
export function isSettled(dispatch: DispatchDetail): boolean {
  return dispatch.deliveries.every((delivery) => finalStatuses.has(delivery.status));
}

/** Counts the copies a recall would reach, which is none once the dispatch itself is recalled. */
export function recallableCount(dispatch: DispatchDetail): number {
  if (dispatch.status !== 'sent') {
    return 0;
  }

  return dispatch.deliveries.filter((delivery) => recallableStatuses.has(delivery.status)).length;
}

/** Resending is for a recipient outside this installation whose copy failed or still waits in the queue. */
export function canResend(dispatch: DispatchDetail, delivery: DispatchDelivery): boolean {
  return dispatch.status === 'sent' && delivery.kind === 'remote' && (delivery.status === 'failed' || delivery.status === 'queued');
}

/** Returns the time of the recipient's latest event. */
export function lastEventAt(delivery: DispatchDelivery): string | null {
  const times = delivery.events.map((event) => event.at).sort();

  return times[times.length - 1] ?? null;
}
