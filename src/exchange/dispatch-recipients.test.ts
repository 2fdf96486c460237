import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { upsertGroup } from '../directory/group-repository.js';
import { upsertOrganization } from '../directory/organization-repository.js';
import type { AppContext } from '../platform/app-context.js';
import { resolveRecipients } from './dispatch-recipients.js';

let opened: TestContext;
let ctx: AppContext;
const ids: Record<string, string> = {};

beforeEach(async () => {
  opened = await openTestContext('congvan-recipients-');
  ctx = opened.ctx;
  const now = new Date().toISOString();
  const add = async (code: string, name: string, addresses: string[]) => (ids[code] = await upsertOrganization(ctx.db, { code, name, shortName: null, kind: 'department', parentCode: null, addresses }, now));

  await add('000.00.01.H36', 'Văn phòng UBND tỉnh', ['vanthu.vp@tinh-a.test']);
  await add('000.00.05.H36', 'Sở Nội vụ', ['vanthu.snv@tinh-a.test', 'snv@lamdong.gov.vn']);
  await add('000.00.11.H36', 'Sở Y tế', ['vanthu.syt@tinh-a.test']);
  await upsertGroup(ctx.db, 'so-ban-nganh', 'Các sở, ban, ngành', [ids['000.00.05.H36']!, ids['000.00.11.H36']!]);
  await upsertGroup(ctx.db, 'toan-tinh', 'Toàn tỉnh', Object.values(ids));
});

afterEach(async () => {
  await opened.close();
});

const fromOffice = (entries: string[]) => resolveRecipients(ctx.db, entries, ids['000.00.01.H36']!);

describe('recipient resolution', () => {
  it('expands a group and names where each member came from', async () => {
    const { recipients } = await fromOffice(['so-ban-nganh']);

    expect(recipients.map((recipient) => [recipient.name, recipient.via, recipient.address])).toEqual([
      ['Sở Nội vụ', 'so-ban-nganh', 'vanthu.snv@tinh-a.test'],
      ['Sở Y tế', 'so-ban-nganh', 'vanthu.syt@tinh-a.test'],
    ]);
  });

  it('merges duplicates from codes, aliases and groups', async () => {
    const { recipients } = await fromOffice(['000.00.05.H36', 'SNV@lamdong.gov.vn', 'so-ban-nganh', 'VanThu.SYT+bao-cao@tinh-a.test']);
    expect(recipients.map((recipient) => recipient.name)).toEqual(['Sở Nội vụ', 'Sở Y tế']);
  });

  it('leaves the sender out of a group that contains it', async () => {
    const resolution = await fromOffice(['toan-tinh']);
    expect(resolution.skippedSender).toBe(true);
    expect(resolution.recipients).toHaveLength(2);
  });

  it('keeps an external address as written, with a lower-case domain', async () => {
    const { recipients } = await fromOffice(['VanThu+Khan@So-Y-Te.TINH-B.test']);
    expect(recipients).toEqual([{ kind: 'remote', organizationId: null, organizationCode: null, address: 'VanThu+Khan@so-y-te.tinh-b.test', name: 'VanThu+Khan@so-y-te.tinh-b.test', via: null, viaName: null }]);
  });

  it('names an entry that matches nothing, and an invalid address', async () => {
    await expect(fromOffice(['so-khong-co'])).rejects.toMatchObject({ field: 'recipients', message: expect.stringContaining('"so-khong-co"') });
    await expect(fromOffice(['a@b'])).rejects.toMatchObject({ field: 'recipients', message: expect.stringContaining('"a@b"') });
    await expect(fromOffice([])).rejects.toMatchObject({ field: 'recipients' });
  });
});
