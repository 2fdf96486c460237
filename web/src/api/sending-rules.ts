import { apiRequest } from './client';
import type { SendingRules, SendingRulesSettings } from './dispatch-types';

export function fetchSendingRules(signal?: AbortSignal): Promise<SendingRulesSettings> {
  return apiRequest<SendingRulesSettings>('/sending-rules', { signal });
}

/** Replaces every sending rule at once, which only administrators may do. */
export async function saveSendingRules(rules: SendingRules): Promise<SendingRules> {
  const body = await apiRequest<{ rules: SendingRules }>('/sending-rules', { method: 'PUT', body: rules });

  return body.rules;
}
