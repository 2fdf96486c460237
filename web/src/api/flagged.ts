import { apiRequest } from './client';
import type { FlaggedMessage } from './types';

export async function fetchFlaggedMessages(signal?: AbortSignal): Promise<FlaggedMessage[]> {
  const body = await apiRequest<{ items: FlaggedMessage[] }>('/flagged', { signal });

  return body.items;
}
