import sanitizeHtml from 'sanitize-html';

import { limitHtmlNesting } from './html-nesting.js';
import { MAX_HTML_CHARS } from './limits.js';

// Elements that a browser starts on a new line, and those it also sets off by a blank line.
const LINE_TAGS = new Set([
  'address', 'article', 'aside', 'center', 'dd', 'div', 'dt', 'footer', 'form', 'header', 'hr',
  'li', 'main', 'nav', 'section', 'tr',
]);
const PARAGRAPH_TAGS = new Set([
  'blockquote', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ol', 'p', 'pre', 'table', 'ul',
]);
const CELL_TAGS = new Set(['td', 'th']);
const HIDDEN_TAGS = ['script', 'style', 'head', 'title', 'noscript', 'template', 'textarea', 'option', 'xmp'];

// Private markers, removed from the input first: a line break, a paragraph break, and a
// preformatted blank that survives whitespace trimming.
const LINE_BREAK = '\u0001';
const PARAGRAPH_BREAK = '\u0002';
const KEPT_SPACE = '\u0003';
const MARKERS = /[\u0001-\u0003]/g;
const BREAK_RUN = /[ \t]*[\u0001\u0002][\u0001\u0002 \t]*/g;

// sanitize-html escapes the text it outputs with these entities only.
const ESCAPED = /&(amp|lt|gt|quot);/g;
const UNESCAPED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };

/**
 * Renders HTML as plain text, close to what a browser displays. Whitespace collapses, block
 * elements start a new line, paragraphs and tables are set off by a blank line and table cells
 * by a tab. Scripts, styles and the head contribute nothing.
 */
export function htmlToText(html: string): string {
  const pieces: string[] = [];
  let preformatted = 0;

  const bounded = limitHtmlNesting(html.slice(0, MAX_HTML_CHARS).replace(MARKERS, '')).html;

  sanitizeHtml(bounded, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: HIDDEN_TAGS,
    onOpenTag: (name) => {
      preformatted += name === 'pre' ? 1 : 0;
      pieces.push(breakBefore(name));
    },
    onCloseTag: (name) => {
      preformatted -= name === 'pre' && preformatted > 0 ? 1 : 0;
      pieces.push(name === 'br' || CELL_TAGS.has(name) ? '' : breakBefore(name));
    },
    textFilter: (text) => {
      const plain = text.replace(ESCAPED, (_entity, name: string) => UNESCAPED[name] ?? '');
      pieces.push(preformatted > 0 ? plain.replace(/ /g, KEPT_SPACE) : plain.replace(/[ \t\r\n\f]+/g, ' '));
      return '';
    },
  });

  return tidy(pieces.join(''));
}

function breakBefore(tag: string): string {
  // Each <br> is its own line end, so two of them leave a blank line.
  if (tag === 'br') {
    return '\n';
  }
  if (PARAGRAPH_TAGS.has(tag)) {
    return PARAGRAPH_BREAK;
  }
  if (LINE_TAGS.has(tag)) {
    return LINE_BREAK;
  }

  return CELL_TAGS.has(tag) ? '\t' : '';
}

function tidy(text: string): string {
  return text
    .replace(BREAK_RUN, (run) => (run.includes(PARAGRAPH_BREAK) ? '\n\n' : '\n'))
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''))
    .join('\n')
    .replace(/\u0003/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .normalize('NFC');
}
