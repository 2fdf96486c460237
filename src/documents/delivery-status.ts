export const DELIVERY_STATUSES = ['delivered', 'read', 'accepted', 'rejected', 'withdrawn'] as const;

export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export type DeliveryEventKind = 'delivered' | 'read' | 'accepted' | 'rejected' | 'withdrawn';

/** Returns the status after an event. A later `read` never moves an accepted or rejected copy back. */
export function statusAfter(current: DeliveryStatus, event: DeliveryEventKind): DeliveryStatus {
  if (event === 'read') return current === 'delivered' ? 'read' : current;
  return event;
}
