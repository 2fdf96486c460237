import { sql, type Expression, type SqlBool } from 'kysely';
import { foldText } from '../text-fold.js';

/**
 * Search over a column that contains text already folded by `foldText` (lower case, no diacritics,
 * đ → d). Folding happens once, in JavaScript, when the row is written, so SQLite and
 * PostgreSQL compare the very same strings and find the same rows; the query words go through
 * the same function. Each word must occur somewhere in the column, as a substring.
 *
 * SQLite scans the column with LIKE. PostgreSQL runs the same LIKE, which the trigram index of
 * migration 0002 (pg_trgm, GIN) answers without reading every row.
 */
export function searchWords(query: string): string[] {
  return foldText(query).split(' ').filter(Boolean);
}

export function containsFoldedWord(column: string, word: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`%${escapeLike(word)}%`} escape '\\'`;
}

// A search for "50%" or "a_b" matches those characters, not LIKE's wildcards.
function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (character) => `\\${character}`);
}
