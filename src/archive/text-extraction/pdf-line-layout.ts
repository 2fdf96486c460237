import type { TextColumn, TextLine } from './extracted-text.js';

/** A run of text placed on a page, in points, with y from the top of the page to the baseline. */
export type PlacedText = {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
};

export type PlacedPage = {
  page: number;
  items: PlacedText[];
};

type Segment = PlacedText & { page: number; column: TextColumn };

/** Horizontal extent of the text on all pages: from the left margin to the right margin. */
type TextArea = { left: number; right: number; width: number; middle: number };

// Runs on one baseline further apart than this many font sizes may belong to different blocks.
// In a header table as LibreOffice prints it the two blocks are 1.8 font sizes apart, and the
// words of a line are less than one apart.
const BLOCK_GAP_IN_FONT_SIZES = 1.2;

// Successive lines of one paragraph are about 1.15 font sizes apart at single spacing.
const PARAGRAPH_LINE_GAP_IN_FONT_SIZES = 1.45;

const POSITION_TOLERANCE = 3;

/**
 * Builds lines from the text runs of the pages of a PDF. Runs on one baseline are joined unless
 * they are far apart with one in the left half and one in the right half of the text area, as in
 * the header ("ỦY BAN NHÂN DÂN …" beside "CỘNG HÒA XÃ HỘI …").
 */
export function layOutPdfLines(pages: readonly PlacedPage[]): TextLine[] {
  const area = measureTextArea(pages);
  if (area === null) {
    return [];
  }

  const segments = pages.flatMap((page) =>
    groupBaselines(page.items).flatMap((baseline) => splitBaseline(baseline, page.page, area)),
  );

  return assignParagraphs(segments, area);
}

function measureTextArea(pages: readonly PlacedPage[]): TextArea | null {
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;

  for (const page of pages) {
    for (const item of page.items) {
      left = Math.min(left, item.x);
      right = Math.max(right, item.x + item.width);
    }
  }

  if (!(right > left)) {
    return null;
  }

  return { left, right, width: right - left, middle: (left + right) / 2 };
}

function groupBaselines(items: readonly PlacedText[]): PlacedText[][] {
  const sorted = items.filter((item) => item.text.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const baselines: PlacedText[][] = [];
  let current: PlacedText[] = [];
  let currentY = Number.NaN;

  for (const item of sorted) {
    const tolerance = 0.35 * Math.min(item.fontSize, current[0]?.fontSize ?? item.fontSize);
    if (current.length > 0 && Math.abs(item.y - currentY) <= tolerance) {
      current.push(item);
      continue;
    }

    if (current.length > 0) {
      baselines.push(current);
    }
    current = [item];
    currentY = item.y;
  }

  if (current.length > 0) {
    baselines.push(current);
  }

  return baselines.map((baseline) => dropOverprints(baseline.sort((a, b) => a.x - b.x)));
}

// Some producers draw bold text twice, shifted by a fraction of a point.
function dropOverprints(items: PlacedText[]): PlacedText[] {
  return items.filter((item, index) => {
    const previous = items[index - 1];

    return !(previous && previous.text === item.text && Math.abs(previous.x - item.x) < 1);
  });
}

function splitBaseline(items: readonly PlacedText[], page: number, area: TextArea): Segment[] {
  const pieces = items.flatMap(splitAtSpaceRuns);
  const segments: Segment[] = [];

  for (const piece of pieces) {
    const previous = segments.at(-1);
    const gap = previous ? piece.x - (previous.x + previous.width) : 0;
    const fontSize = Math.max(piece.fontSize, previous?.fontSize ?? 0);

    if (previous && gap <= BLOCK_GAP_IN_FONT_SIZES * fontSize) {
      segments[segments.length - 1] = classify(joinPlaced(previous, piece), page, area);
    } else {
      segments.push(classify(piece, page, area));
    }
  }

  return mergeUnlessLeftThenRight(segments, page, area);
}

// A run with a wide stretch of literal spaces is two blocks typed on one line. The position of
// the second part is estimated from its share of the characters.
function splitAtSpaceRuns(item: PlacedText): PlacedText[] {
  const parts = item.text.split(/(?:\s{4,}|\t+)/u);
  if (parts.length === 1) {
    return [item];
  }

  const pieces: PlacedText[] = [];
  const characterWidth = item.width / Math.max(item.text.length, 1);
  let offset = 0;

  for (const part of parts) {
    const start = item.text.indexOf(part, offset);
    offset = start + part.length;
    if (part.trim() === '') {
      continue;
    }

    pieces.push({ ...item, text: part, x: item.x + start * characterWidth, width: part.length * characterWidth });
  }

  return pieces;
}

function joinPlaced(first: PlacedText, second: PlacedText): PlacedText {
  const gap = second.x - (first.x + first.width);
  const needsSpace = gap > 0.15 * Math.min(first.fontSize, second.fontSize) && !/\s$/u.test(first.text) && !/^\s/u.test(second.text);

  return {
    text: needsSpace ? `${first.text} ${second.text}` : first.text + second.text,
    x: first.x,
    y: first.y,
    width: Math.max(first.x + first.width, second.x + second.width) - first.x,
    fontSize: Math.max(first.fontSize, second.fontSize),
  };
}

function classify(placed: PlacedText, page: number, area: TextArea): Segment {
  return { ...placed, page, column: columnOf(placed, area) };
}

function columnOf(placed: PlacedText, area: TextArea): TextColumn {
  const end = placed.x + placed.width;
  const centre = placed.x + placed.width / 2;

  if (placed.width > 0.6 * area.width) {
    return 'full';
  }
  if (end <= area.middle + 0.02 * area.width) {
    return 'left';
  }
  if (placed.x >= area.middle - 0.15 * area.width && centre >= area.middle + 0.1 * area.width) {
    return 'right';
  }

  return 'full';
}

function mergeUnlessLeftThenRight(segments: Segment[], page: number, area: TextArea): Segment[] {
  const merged: Segment[] = [];

  for (const segment of segments) {
    const previous = merged.at(-1);
    if (previous && !(previous.column === 'left' && segment.column === 'right')) {
      merged[merged.length - 1] = classify(joinPlaced(previous, segment), page, area);
    } else {
      merged.push(segment);
    }
  }

  return merged;
}

function assignParagraphs(segments: readonly Segment[], area: TextArea): TextLine[] {
  const lines: TextLine[] = [];
  const lastByColumn = new Map<TextColumn, { segment: Segment; line: TextLine }>();
  let nextParagraph = 0;

  for (const original of segments) {
    const segment = continuesFullParagraph(original, lastByColumn.get('full')?.segment, area)
      ? { ...original, column: 'full' as const }
      : original;
    const previous = lastByColumn.get(segment.column);
    const paragraph =
      previous && continuesParagraph(previous.segment, segment, area) ? previous.line.paragraph : nextParagraph++;

    const line: TextLine = {
      text: segment.text.normalize('NFC').replace(/\s+/gu, ' ').trim(),
      page: segment.page,
      column: segment.column,
      paragraph,
      centred: segment.column === 'full' && isCentred(segment, area),
      box: { x: round(segment.x), y: round(segment.y), width: round(segment.width), fontSize: round(segment.fontSize) },
    };
    lines.push(line);
    lastByColumn.set(segment.column, { segment, line });
  }

  return lines;
}

function continuesParagraph(previous: Segment, next: Segment, area: TextArea): boolean {
  const gap = next.y - previous.y;
  const previousCentre = previous.x + previous.width / 2;
  const nextCentre = next.x + next.width / 2;
  const aligned =
    Math.abs(previous.x - next.x) <= POSITION_TOLERANCE ||
    Math.abs(previousCentre - nextCentre) <= POSITION_TOLERANCE ||
    Math.abs(next.x - area.left) <= POSITION_TOLERANCE;

  return (
    previous.page === next.page &&
    Math.abs(previous.fontSize - next.fontSize) < 0.5 &&
    gap > 0 &&
    gap <= PARAGRAPH_LINE_GAP_IN_FONT_SIZES * next.fontSize &&
    aligned
  );
}

// The short last line of a body paragraph sits in the left half but continues the paragraph
// above it, which ran to the right margin.
function continuesFullParagraph(segment: Segment, previousFull: Segment | undefined, area: TextArea): boolean {
  if (segment.column !== 'left' || previousFull === undefined) {
    return false;
  }

  const previousEnd = previousFull.x + previousFull.width;

  return (
    Math.abs(segment.x - area.left) <= POSITION_TOLERANCE &&
    previousEnd >= area.right - 0.1 * area.width &&
    continuesParagraph(previousFull, segment, area)
  );
}

function isCentred(segment: Segment, area: TextArea): boolean {
  const leftGap = segment.x - area.left;
  const rightGap = area.right - (segment.x + segment.width);
  const tolerance = 0.05 * area.width;

  return Math.min(leftGap, rightGap) > tolerance && Math.abs(leftGap - rightGap) < tolerance;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
