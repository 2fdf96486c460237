import { dispatchStatuses } from '../../api/dispatch-types';
import type { DispatchFilters } from '../../api/dispatches';
import { sectionPath } from '../../auth/sections';
import { pageFromSearchParams, pickAllowed, writePageSearchParams } from '../list-search-params';

/** Reads the outgoing list's filters from the address bar: `status`, `overdue=1` and the page. */
export function filtersFromSearchParams(params: URLSearchParams): DispatchFilters {
  const overdue = params.get('overdue');
  const status = pickAllowed(params.get('status'), dispatchStatuses) as DispatchFilters['status'];

  return { status, overdue: overdue === '1' || overdue === 'true', ...pageFromSearchParams(params) };
}

/** Writes the filters back, leaving defaults out so that a plain /dispatches link means "all, page 1". */
export function filtersToSearchParams(filters: DispatchFilters): URLSearchParams {
  const params = new URLSearchParams();

  if (filters.status !== '') {
    params.set('status', filters.status);
  }
  if (filters.overdue) {
    params.set('overdue', '1');
  }
  writePageSearchParams(params, filters);

  return params;
}

/** Path of the outgoing list showing only drafts. */
export function draftListPath(): string {
  const filters: DispatchFilters = { status: 'draft', overdue: false, ...pageFromSearchParams(new URLSearchParams()) };

  return `${sectionPath('outbox')}?${filtersToSearchParams(filters).toString()}`;
}
