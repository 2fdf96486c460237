import type { DeliveryStatus } from '../../api/types';

/** Accepting or rejecting is possible only until the copy is accepted, rejected or withdrawn. */
export function isDecided(status: DeliveryStatus): boolean {
  return status === 'accepted' || status === 'rejected' || status === 'withdrawn';
}
