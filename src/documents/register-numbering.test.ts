import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../platform/app-context.js';
import { openTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { takeRegisterNumber } from './register-numbering.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let opened: TestContext;
let ctx: AppContext;

beforeEach(async () => {
  opened = await openTestContext('congvan-numbers-');
  ctx = opened.ctx;
});

afterEach(async () => {
  await opened.close();
});

const range = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe('takeRegisterNumber', () => {
  it('numbers 50 concurrent transactions 1..50', async () => {
    const numbers = await Promise.all(range(50).map(() => ctx.db.transaction().execute((trx) => takeRegisterNumber(trx, 'org-a', 'incoming', 2026))));
    expect(numbers.sort((a, b) => a - b)).toEqual(range(50));
  });

  it('keeps separate series per organization, direction and year', async () => {
    const take = (organization: string, direction: 'incoming' | 'outgoing', year: number) =>
      ctx.db.transaction().execute((trx) => takeRegisterNumber(trx, organization, direction, year));

    expect(await take('org-a', 'incoming', 2026)).toBe(1);
    expect(await take('org-a', 'incoming', 2026)).toBe(2);
    expect(await take('org-b', 'incoming', 2026)).toBe(1);
    expect(await take('org-a', 'outgoing', 2026)).toBe(1);
    expect(await take('org-a', 'incoming', 2027)).toBe(1);
  });

  it('gives a rolled-back number back', async () => {
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await takeRegisterNumber(trx, 'org-a', 'incoming', 2026);
        throw new Error('delivery failed');
      }),
    ).rejects.toThrow('delivery failed');

    const next = await ctx.db.transaction().execute((trx) => takeRegisterNumber(trx, 'org-a', 'incoming', 2026));
    expect(next).toBe(1);
  });

  it('has no gaps or duplicates across three processes', async () => {
    const env = { ...process.env, ...opened.env, CONGVAN_LOG_LEVEL: 'warn' };
    const script = path.join(ROOT, 'test/helpers/take-register-numbers.ts');
    const loader = `file://${path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')}`;

    const outputs = await Promise.all(range(3).map(() => run(process.execPath, ['--import', loader, script, 'org-shared', '20'], { env })));

    const numbers = outputs.flatMap((output) => JSON.parse(output.stdout) as number[]);
    expect(numbers.sort((a, b) => a - b)).toEqual(range(60));
  });
});
