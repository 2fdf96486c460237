/** Joins a document's number and notation as printed on it: "3141" and "UBND-VX" give "3141/UBND-VX". */
export function formatNumberNotation(number: string | null, notation: string | null): string | null {
  const parts = [number, notation].filter((part): part is string => Boolean(part && part.trim()));
  if (parts.length === 0) {
    return null;
  }

  return parts.join('/');
}
