import { apiBase, apiRequest } from './client';
import type { IncomingRegister } from './types';

export function fetchIncomingRegister(year: number, signal?: AbortSignal): Promise<IncomingRegister> {
  return apiRequest<IncomingRegister>(`/registers/incoming?year=${year}`, { signal });
}

export function incomingRegisterXlsxUrl(year: number): string {
  return `${apiBase}/registers/incoming.xlsx?year=${year}`;
}
