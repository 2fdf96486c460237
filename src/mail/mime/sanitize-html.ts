import sanitizeHtml from 'sanitize-html';

import { limitHtmlNesting } from './html-nesting.js';
import { MAX_HTML_CHARS } from './limits.js';

export interface SanitisedHtml {
  html: string;
  /** Kinds of active or remote content removed, such as "script", "event handler" or "remote image". */
  removed: string[];
  /** The input was longer than MAX_HTML_CHARS and was cut there. */
  truncated: boolean;
  /** Tags dropped because they were nested too deeply to sanitise in bounded time. */
  droppedTags: number;
}

// Tags whose removal a clerk should hear about, unlike <html>, <o:p> and the like.
const ACTIVE_TAGS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button',
  'select', 'textarea', 'link', 'meta', 'base', 'svg', 'math', 'style', 'audio', 'video', 'portal',
]);

const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags,
  'img', 'font', 'center', 'strike', 'big', 'tt',
];

const TABLE_ATTRIBUTES = ['width', 'height', 'align', 'valign', 'border', 'cellpadding', 'cellspacing', 'bgcolor', 'colspan', 'rowspan'];

// CSS values that cannot load anything: no url(), image-set() or expression().
const SAFE_CSS_VALUE = /^(?!.*(?:url|image-set|expression)\s*\()[^;{}<>\\]*$/i;

const ALLOWED_STYLES = Object.fromEntries(
  [
    'color', 'background-color', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-align',
    'text-decoration', 'text-indent', 'line-height', 'margin', 'margin-left', 'margin-right', 'margin-top',
    'margin-bottom', 'padding', 'padding-left', 'padding-right', 'padding-top', 'padding-bottom', 'border',
    'border-collapse', 'width', 'height', 'vertical-align', 'white-space',
  ].map((property) => [property, [SAFE_CSS_VALUE]]),
);

// Images only from the message itself: cid: parts and inline data of raster formats.
const LOCAL_IMAGE_SOURCE = /^(?:cid:|data:image\/(?:png|jpe?g|gif|webp|bmp);)/i;

/**
 * Sanitises an HTML body for display: no scripts, event handlers, forms, frames, embedded objects,
 * style sheets or remote loads. Images keep only cid: and data: sources, links keep http(s),
 * mailto and tel and open in a new context without a referrer.
 */
export function sanitiseMailHtml(input: string): SanitisedHtml {
  const truncated = input.length > MAX_HTML_CHARS;
  const limited = limitHtmlNesting(truncated ? input.slice(0, MAX_HTML_CHARS) : input);
  const html = limited.html;
  const removed = new Set<string>();

  const output = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      '*': ['style', 'title', 'dir', 'lang', 'align'],
      a: ['href', 'name', 'target', 'rel'],
      img: ['src', 'alt', 'width', 'height'],
      font: ['color', 'face', 'size'],
      table: TABLE_ATTRIBUTES,
      td: TABLE_ATTRIBUTES,
      th: TABLE_ATTRIBUTES,
      tr: TABLE_ATTRIBUTES,
      col: ['width', 'span'],
      colgroup: ['width', 'span'],
      ol: ['start', 'type'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['cid', 'data'] },
    allowProtocolRelative: false,
    allowedStyles: { '*': ALLOWED_STYLES },
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer' },
      }),
      img: (tagName, attribs) => {
        const { src, ...rest } = attribs;
        return { tagName, attribs: src !== undefined && LOCAL_IMAGE_SOURCE.test(src.trim()) ? { ...rest, src } : rest };
      },
    },
    onOpenTag: (name, attribs) => noteRemovals(name, attribs, removed),
  });

  return { html: output, removed: [...removed], truncated, droppedTags: limited.droppedTags };
}

function noteRemovals(name: string, attribs: Record<string, string>, removed: Set<string>): void {
  const tag = name.toLowerCase();
  if (ACTIVE_TAGS.has(tag)) {
    removed.add(tag);
  }

  for (const [attribute, value] of Object.entries(attribs)) {
    const key = attribute.toLowerCase();
    if (key.startsWith('on')) {
      removed.add('event handler');
    } else if (/^\s*(?:javascript|vbscript|data):/i.test(value) && (key === 'href' || key === 'action')) {
      removed.add('unsafe link');
    } else if ((key === 'src' || key === 'srcset' || key === 'background') && /^\s*(?:https?:)?\/\//i.test(value)) {
      removed.add('remote image');
    } else if (key === 'style' && /(?:url|expression|image-set)\s*\(/i.test(value)) {
      removed.add('remote style');
    }
  }
}
