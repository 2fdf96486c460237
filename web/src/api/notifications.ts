import { apiRequest } from './client';
import type { Notification } from './types';

/** Fetches the notices of the user's organization, newest first. */
export async function fetchNotifications(signal?: AbortSignal): Promise<Notification[]> {
  const body = await apiRequest<{ items: Notification[] }>('/notifications', { signal });

  return body.items;
}

/** Marks every notice of the user's organization read. */
export function markNotificationsRead(): Promise<void> {
  return apiRequest<void>('/notifications/read', { method: 'POST', body: {} });
}
