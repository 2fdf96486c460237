/** Path of the compose form: empty, or loaded with a saved draft when given its id. */
export function composePath(draftId?: string): string {
  return draftId === undefined ? '/compose' : `/compose/${encodeURIComponent(draftId)}`;
}
