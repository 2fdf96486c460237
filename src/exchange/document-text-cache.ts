import { extractText } from '../archive/text-extraction/extract-text.js';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// The same file is often sent more than once in a short time (to a second group, again after a
// recall), so the last texts are kept by content hash. 32 texts of at most 200,000 characters
// bound the cache at about 13 MB of UTF-16.
const CAPACITY = 32;
const MAX_CHARS = 200_000;
const texts = new Map<string, string>();

/** Returns the text of a PDF or DOCX for search, from the cache when the same bytes were read lately. */
export async function documentText(file: { content: Buffer; detectedType: string; sha256: string }): Promise<string> {
  const cached = texts.get(file.sha256);
  if (cached !== undefined) {
    texts.delete(file.sha256);
    texts.set(file.sha256, cached);
    return cached;
  }

  let text = '';
  if (file.detectedType === PDF) text = (await extractText(file.content, 'pdf')).text;
  if (file.detectedType === DOCX) text = (await extractText(file.content, 'docx')).text;
  text = text.slice(0, MAX_CHARS);

  texts.set(file.sha256, text);
  if (texts.size > CAPACITY) texts.delete(texts.keys().next().value!);
  return text;
}
