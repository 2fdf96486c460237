/** Formats a byte count as KB or MB (1 KB = 1024 bytes) with the screen language's decimal mark. */
export function formatFileSize(bytes: number, language: string): string {
  const format = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const kilobytes = bytes / 1024;

  if (kilobytes < 1024) {
    // A file of a few bytes shows as 0,1 KB rather than 0 KB, which would read as empty.
    const displayed = bytes > 0 ? Math.max(kilobytes, 0.1) : 0;

    return `${format.format(displayed)} KB`;
  }

  return `${format.format(kilobytes / 1024)} MB`;
}
