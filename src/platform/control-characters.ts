// C0 controls except tab, line feed and carriage return, and DEL. NUL in particular: PostgreSQL
// text cannot hold it, and in SQLite it would later stop migrate-data.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Removes control characters that no screen, register or export should receive. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}
