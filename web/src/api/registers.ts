import { apiBase, apiRequest } from './client';
import type { IncomingRegister, OutgoingRegister } from './types';

export function fetchIncomingRegister(year: number, signal?: AbortSignal): Promise<IncomingRegister> {
  return apiRequest<IncomingRegister>(`/registers/incoming?year=${year}`, { signal });
}

export function incomingRegisterXlsxUrl(year: number): string {
  return `${apiBase}/registers/incoming.xlsx?year=${year}`;
}

export function fetchOutgoingRegister(year: number, signal?: AbortSignal): Promise<OutgoingRegister> {
  return apiRequest<OutgoingRegister>(`/registers/outgoing?year=${year}`, { signal });
}

export function outgoingRegisterXlsxUrl(year: number): string {
  return `${apiBase}/registers/outgoing.xlsx?year=${year}`;
}
