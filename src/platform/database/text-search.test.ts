import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test/helpers/test-context.js';
import { foldText } from '../text-fold.js';
import { containsFoldedWord, searchWords } from './text-search.js';

const TEXTS = [
  'Ủy ban nhân dân tỉnh Lâm Đồng',
  'Sở Y tế: báo cáo công tác phòng, chống dịch',
  'Giấy mời họp về đường Điện Biên Phủ',
  'Tăng 50% so với cùng kỳ; mã a_b',
];

let opened: TestContext;
let db: Kysely<{ search_probe: { id: number; folded: string } }>;

beforeEach(async () => {
  opened = await openTestContext('congvan-search-');
  db = opened.ctx.db as unknown as typeof db;
  await db.schema.createTable('search_probe').addColumn('id', 'integer').addColumn('folded', 'text').execute();
  await db.insertInto('search_probe').values(TEXTS.map((text, id) => ({ id, folded: foldText(text) }))).execute();
});

afterEach(async () => {
  await opened.close();
});

async function search(query: string): Promise<number[]> {
  let select = db.selectFrom('search_probe').select('id').orderBy('id');
  for (const word of searchWords(query)) select = select.where(containsFoldedWord('folded', word));
  return (await select.execute()).map((row) => row.id);
}

describe('folded text search on this engine', () => {
  it('matches with or without diacritics, đ as d, in any case', async () => {
    expect(await search('lam dong')).toEqual([0]);
    expect(await search('LÂM ĐỒNG')).toEqual([0]);
    expect(await search('dien bien')).toEqual([2]);
    expect(await search('đường')).toEqual([2]);
    expect(await search('bao cao dich')).toEqual([1]);
  });

  it('needs every word and finds parts of words', async () => {
    expect(await search('ong')).toEqual([0, 1, 2]);
    expect(await search('cong tac')).toEqual([1]);
    expect(await search('tỉnh mời')).toEqual([]);
  });

  it('treats LIKE wildcards as characters', async () => {
    expect(await search('50%')).toEqual([3]);
    expect(await search('a_b')).toEqual([3]);
    expect(await search('_')).toEqual([3]);
    expect(await search('%')).toEqual([3]);
  });
});
