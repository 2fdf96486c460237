import { joinLines, type ExtractedText, type ExtractionFlag, type TextLine } from './extracted-text.js';
import type { ExtractionLimits } from './extraction-limits.js';

/** Drops empty lines, applies the text size limit and assembles the result. */
export function finishExtraction(
  lines: readonly TextLine[],
  pageCount: number,
  flags: readonly ExtractionFlag[],
  limits: ExtractionLimits,
): ExtractedText {
  const kept: TextLine[] = [];
  let characters = 0;
  let truncated = false;

  for (const line of lines) {
    if (line.text === '') {
      continue;
    }

    characters += line.text.length + 1;
    if (characters > limits.maxTextCharacters) {
      truncated = true;
      break;
    }
    kept.push(line);
  }

  const allFlags = [...flags];
  if (truncated) {
    allFlags.push({
      code: 'truncated',
      message: `Chỉ giữ ${kept.length} dòng đầu: nội dung dài hơn ${limits.maxTextCharacters} ký tự.`,
    });
  }

  return { lines: kept, text: joinLines(kept), pageCount, flags: allFlags };
}
