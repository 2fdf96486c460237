import type { DispatchFilters } from '../../api/dispatches';
import { pageFromSearchParams, writePageSearchParams } from '../list-search-params';

/** Reads the outgoing list's filters from the address bar: `overdue=1` and the page. */
export function filtersFromSearchParams(params: URLSearchParams): DispatchFilters {
  const overdue = params.get('overdue');

  return { overdue: overdue === '1' || overdue === 'true', ...pageFromSearchParams(params) };
}

/** Writes the filters back, leaving defaults out so that a plain /dispatches link means "all, page 1". */
export function filtersToSearchParams(filters: DispatchFilters): URLSearchParams {
  const params = new URLSearchParams();

  if (filters.overdue) {
    params.set('overdue', '1');
  }
  writePageSearchParams(params, filters);

  return params;
}
