// sanitize-html 2.17 with htmlparser2 takes time quadratic in the depth of unclosed elements
// (measured on Node 20: 40,000 nested <div> take about 2 s), so deeper tags are dropped first.
const MAX_HTML_DEPTH = 500;

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*>/g;
const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

export interface NestingLimited {
  html: string;
  /** Tags dropped because they opened deeper than the limit. */
  droppedTags: number;
}

/**
 * Drops start tags that would open deeper than MAX_HTML_DEPTH, and the end tags that match them.
 * Depth is counted over the tags as written, and the text between them is kept.
 */
export function limitHtmlNesting(html: string): NestingLimited {
  let depth = 0;
  let skipped = 0;
  let droppedTags = 0;

  const output = html.replace(TAG, (tag, slash: string, name: string) => {
    const element = name.toLowerCase();
    if (VOID_ELEMENTS.has(element) || tag.endsWith('/>')) {
      return tag;
    }

    if (slash === '/') {
      if (skipped > 0) {
        skipped--;
        droppedTags++;
        return '';
      }
      depth = Math.max(0, depth - 1);
      return tag;
    }

    if (depth >= MAX_HTML_DEPTH) {
      skipped++;
      droppedTags++;
      return '';
    }
    depth++;
    return tag;
  });

  return { html: droppedTags === 0 ? html : output, droppedTags };
}
