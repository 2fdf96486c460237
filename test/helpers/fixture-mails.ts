import { readFileSync } from 'node:fs';

export const FIXTURE_MAIL_FOLDER = new URL('../fixtures/mail/', import.meta.url).pathname;

/** Each sample mail under test/fixtures/mail/, the document it carries and a recipient in the demo province. */
export const FIXTURE_MAILS = [
  { file: 'bare-lf-tb-61.eml', document: 'tb-61-ubnd', to: 'sotaichinh@lamdong.gov.vn' },
  { file: 'cp1258-bc-57.eml', document: 'bc-57-ubnd-xa', to: 'sokhcn@lamdong.gov.vn' },
  { file: 'nfd-gm-88.eml', document: 'gm-88-ubnd', to: 'soyte@lamdong.gov.vn' },
  { file: 'split-subject-cv-2214.eml', document: 'cv-2214-syt-dklh', to: 'vanphong@lamdong.gov.vn' },
  { file: 'utf8-cv-1187.eml', document: 'cv-1187-snv', to: 'vanphong@lamdong.gov.vn' },
] as const;

/** The metadata a reader writes down from each fixture document, by document name. */
export const EXPECTED_DOCUMENTS = JSON.parse(readFileSync(new URL('../fixtures/documents/expected.json', import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>;
