// Page and page size of a paged list in the address bar, shared by the incoming and outgoing lists.
export const pageSizes = [10, 20, 50, 100] as const;
const defaultPageSize = 20;

export interface PageParams {
  page: number;
  pageSize: number;
}

/** Returns the value when it is one of the allowed ones, and '' (no filter) otherwise. */
export function pickAllowed(value: string | null, allowed: readonly string[]): string {
  return value !== null && allowed.includes(value) ? value : '';
}

function positiveInteger(value: string | null, fallback: number): number {
  const parsed = Number(value);

  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** Reads `page` and `pageSize`, falling back to page 1 and the default size for values the API would not accept. */
export function pageFromSearchParams(params: URLSearchParams): PageParams {
  const pageSize = positiveInteger(params.get('pageSize'), defaultPageSize);

  return {
    page: positiveInteger(params.get('page'), 1),
    pageSize: (pageSizes as readonly number[]).includes(pageSize) ? pageSize : defaultPageSize,
  };
}

/** Writes page and page size into the parameters, leaving defaults out so that a plain link means page 1. */
export function writePageSearchParams(params: URLSearchParams, { page, pageSize }: PageParams): void {
  if (page !== 1) {
    params.set('page', String(page));
  }
  if (pageSize !== defaultPageSize) {
    params.set('pageSize', String(pageSize));
  }
}

/**
 * Returns the page to show after a pagination change. A new page size starts again at page 1, because the
 * old page number no longer points at the same rows.
 */
export function nextPage(current: PageParams, page: number, pageSize: number): PageParams {
  return { page: pageSize === current.pageSize ? page : 1, pageSize };
}
