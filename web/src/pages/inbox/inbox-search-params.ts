import type { DocumentFilters } from '../../api/documents';
import { deliveryStatuses, urgencies } from '../../api/types';
import { pageFromSearchParams, pickAllowed, writePageSearchParams } from '../list-search-params';

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the inbox filters from the address bar, dropping values the API would not accept. */
export function filtersFromSearchParams(params: URLSearchParams): DocumentFilters {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';

  return {
    q: params.get('q') ?? '',
    type: params.get('type') ?? '',
    status: pickAllowed(params.get('status'), deliveryStatuses),
    urgency: pickAllowed(params.get('urgency'), urgencies),
    from: datePattern.test(from) ? from : '',
    to: datePattern.test(to) ? to : '',
    ...pageFromSearchParams(params),
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
  writePageSearchParams(params, filters);

  return params;
}
