import { useSearchParams } from 'react-router-dom';

import { currentYear } from '../format/date-time';

function yearFromSearchParams(params: URLSearchParams): number {
  const year = Number(params.get('year'));

  return Number.isInteger(year) && year >= 2000 && year <= 9999 ? year : currentYear();
}

/** Reads the year a screen shows from `?year=`, this year by default, with a setter that writes it back. */
export function useYearSearchParam(): [number, (year: number | null) => void] {
  const [searchParams, setSearchParams] = useSearchParams();

  return [yearFromSearchParams(searchParams), (year) => setSearchParams(year === null ? {} : { year: String(year) })];
}
