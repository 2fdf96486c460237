/**
 * Joins the soft line breaks of format=flowed text (RFC 3676 section 4): a line ending in a space
 * continues on the next line, unless it is the signature separator "-- ". Space-stuffing is
 * removed, and with DelSp=yes the space before a soft break is dropped as well.
 */
export function decodeFlowed(text: string, deleteSpace: boolean): string {
  const lines = text.split('\n');
  const output: string[] = [];
  let paragraph = '';
  let paragraphQuotes = -1;

  for (const rawLine of lines) {
    const quotes = /^>*/.exec(rawLine)![0].length;
    let line = rawLine.slice(quotes);
    if (line.startsWith(' ')) {
      line = line.slice(1);
    }

    if (paragraphQuotes >= 0 && quotes !== paragraphQuotes) {
      output.push(quotePrefix(paragraphQuotes) + paragraph);
      paragraph = '';
      paragraphQuotes = -1;
    }

    const soft = line.endsWith(' ') && line !== '-- ';
    const content = soft && deleteSpace ? line.slice(0, -1) : line;
    paragraph += content;
    paragraphQuotes = quotes;

    if (!soft) {
      output.push(quotePrefix(quotes) + paragraph);
      paragraph = '';
      paragraphQuotes = -1;
    }
  }

  if (paragraphQuotes >= 0) {
    output.push(quotePrefix(paragraphQuotes) + paragraph);
  }

  return output.join('\n');
}

function quotePrefix(depth: number): string {
  return depth === 0 ? '' : `${'>'.repeat(depth)} `;
}
