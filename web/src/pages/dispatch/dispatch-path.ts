/** Path of the screen that shows one dispatch. */
export function dispatchPath(id: string): string {
  return `/dispatches/${encodeURIComponent(id)}`;
}
