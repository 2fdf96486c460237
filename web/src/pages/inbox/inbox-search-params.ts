import type { DocumentFilters } from '../../api/documents';
import { deliveryStatuses, urgencies } from '../../api/types';

export const pageSizes = [10, 20, 50, 100] as const;
const defaultPageSize = 20;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function pickAllowed(value: string | null, allowed: readonly string[]): string {
  return value !== null && allowed.includes(value) ? value : '';
}

function positiveInteger(value: string | null, fallback: number): number {
  const parsed = Number(value);

  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** Reads the inbox filters from the address bar, dropping values the API would not accept. */
export function filtersFromSearchParams(params: URLSearchParams): DocumentFilters {
  const pageSize = positiveInteger(params.get('pageSize'), defaultPageSize);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';

  return {
    q: params.get('q') ?? '',
    type: params.get('type') ?? '',
    status: pickAllowed(params.get('status'), deliveryStatuses),
    urgency: pickAllowed(params.get('urgency'), urgencies),
    from: datePattern.test(from) ? from : '',
    to: datePattern.test(to) ? to : '',
    page: positiveInteger(params.get('page'), 1),
    pageSize: (pageSizes as readonly number[]).includes(pageSize) ? pageSize : defaultPageSize,
  };
}

export function hasActiveFilter(filters: DocumentFilters): boolean {
  return [filters.q, filters.type, filters.status, filters.urgency, filters.from, filters.to].some((value) => value !== '');
}

/** Writes the filters back, leaving defaults out so that a plain /inbox link means "no filter". */
export function filtersToSearchParams(filters: DocumentFilters): URLSearchParams {
  const params = new URLSearchParams();

  for (const key of ['q', 'type', 'status', 'urgency', 'from', 'to'] as const) {
    const value = filters[key].trim();
    if (value !== '') {
      params.set(key, value);
    }
  }
  if (filters.page !== 1) {
    params.set('page', String(filters.page));
  }
  if (filters.pageSize !== defaultPageSize) {
    params.set('pageSize', String(filters.pageSize));
  }

  return params;
}
