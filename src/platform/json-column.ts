/** Parses a JSON text column, returning the fallback for null (the column is optional). */
export function parseJsonColumn<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  return JSON.parse(text) as T;
}
