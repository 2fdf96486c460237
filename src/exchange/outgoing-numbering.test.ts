import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../test/helpers/test-context.js';
import { upsertOrganization } from '../directory/organization-repository.js';
import type { AppContext } from '../platform/app-context.js';
import { newId } from '../platform/ids.js';
import { assignOutgoingNumber } from './outgoing-numbering.js';

let opened: TestContext;
let ctx: AppContext;
let organizationId: string;

beforeEach(async () => {
  opened = await openTestContext('congvan-outgoing-');
  ctx = opened.ctx;
  organizationId = await upsertOrganization(ctx.db, { code: '000.00.05.H36', name: 'Sở Nội vụ', shortName: null, kind: 'department', parentCode: null, addresses: ['vanthu.snv@tinh-a.test'] }, new Date().toISOString());
});

afterEach(async () => {
  await opened.close();
});

// Numbers a document and writes its register entry in one transaction, as sending does.
function numberDocument(number: string | null, notation: string | null = 'SNV-VP') {
  return ctx.db.transaction().execute(async (trx) => {
    const assigned = await assignOutgoingNumber(ctx, trx, { organizationId, year: 2026, number, notation });
    const now = new Date().toISOString();
    await trx
      .insertInto('dispatches')
      .values({
        id: newId(), organization_id: organizationId, created_by_user_id: null, created_by_name: null, status: 'sent', source: 'api', type: 'CV',
        number: assigned.number, notation, issued_on: null, place: null, subject: `Văn bản ${assigned.number}`, signer: null, signer_position: null,
        urgency: 'normal', due_on: null, recipients: '[]', register_year: 2026, register_number: assigned.registerNumber, message_row_id: null,
        message_id_header: null, withdraw_reason: null, created_at: now, updated_at: now, sent_at: now, withdrawn_at: null,
      })
      .execute();
    return assigned;
  });
}

describe('outgoing numbering', () => {
  it('gives 30 concurrent documents without numbers 1..30, each once', async () => {
    const assigned = await Promise.all(Array.from({ length: 30 }, () => numberDocument(null)));

    const range = Array.from({ length: 30 }, (_, index) => index + 1);
    expect(assigned.map((entry) => Number(entry.number)).sort((left, right) => left - right)).toEqual(range);
    expect(assigned.map((entry) => entry.registerNumber).sort((left, right) => left - right)).toEqual(range);
  });

  it('keeps a document’s own number and continues after the highest', async () => {
    expect((await numberDocument('120')).number).toBe('120');
    expect((await numberDocument(null)).number).toBe('121');
  });

  it('refuses the same number and notation in the year, naming the entry', async () => {
    await numberDocument('07');

    await expect(numberDocument('7')).rejects.toMatchObject({ code: 'conflict', field: 'number', message: expect.stringContaining('Văn bản 07') });
    await expect(numberDocument('7', 'snv-vp')).rejects.toMatchObject({ code: 'conflict', field: 'number' });
    expect((await numberDocument('7', 'QĐ-SNV')).number).toBe('7');
  });
});
