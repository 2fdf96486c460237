import type { AppContext } from '../platform/app-context.js';
import type { Db } from '../platform/database/connection.js';
import { lockKeys } from '../platform/database/row-locks.js';
import { AppError } from '../platform/errors.js';
import { takeRegisterNumber } from '../documents/register-numbering.js';

export interface OutgoingNumber {
  /** The document's number (số): its own, or the next free one of the organization's series. */
  number: string;
  /** The entry's place in the outgoing register (sổ đăng ký văn bản đi) of the year, from 1. */
  registerNumber: number;
}

/**
 * Numbers an outgoing document inside the dispatch's transaction. A document that carries its own
 * number keeps it. One without gets the next free number of the organization's series for the
 * year, because numbers run from 1 each calendar year (Decree 30/2020). The same number and notation
 * twice in one year is refused, naming the entry that has it. Numbering for one organization
 * runs one dispatch at a time across all nodes.
 */
export async function assignOutgoingNumber(
  ctx: AppContext,
  trx: Db,
  input: { organizationId: string; year: number; number: string | null; notation: string | null },
): Promise<OutgoingNumber> {
  await lockKeys(trx, ctx.engine, [`outgoing:${input.organizationId}`]);

  const yearEntries = await trx
    .selectFrom('dispatches')
    .select(['id', 'number', 'notation', 'subject', 'sent_at'])
    .where('organization_id', '=', input.organizationId)
    .where('register_year', '=', input.year)
    .execute();

  let number = input.number?.trim() || null;
  if (number) {
    const clash = yearEntries.find((entry) => sameNumber(entry.number, number!) && sameNotation(entry.notation, input.notation));
    if (clash) {
      const label = [clash.number, clash.notation].filter(Boolean).join('/');
      throw new AppError(
        'conflict',
        `Số, ký hiệu ${label} đã có trong sổ văn bản đi năm ${input.year}: "${clash.subject ?? ''}" (mã gửi ${clash.id}). Hãy kiểm tra lại số văn bản.`,
        `Number and notation ${label} are already in the ${input.year} outgoing register: "${clash.subject ?? ''}" (dispatch ${clash.id}). Check the document's number.`,
        'number',
      );
    }
  } else {
    const highest = Math.max(0, ...yearEntries.map((entry) => leadingInteger(entry.number)));
    number = String(highest + 1);
  }

  const registerNumber = await takeRegisterNumber(trx, input.organizationId, 'outgoing', input.year);
  return { number, registerNumber };
}

// "03" and "3" are the same number in a register.
function sameNumber(a: string | null, b: string): boolean {
  if (a === null) return false;
  const left = leadingInteger(a);
  return left > 0 ? left === leadingInteger(b) && a.replace(/^\d+/, '') === b.replace(/^\d+/, '') : a === b;
}

// "UBND-VP" and "ubnd-vp" are one notation; registers write notations in capitals.
function sameNotation(a: string | null, b: string | null): boolean {
  return (a ?? '').normalize('NFC').toUpperCase() === (b ?? '').normalize('NFC').toUpperCase();
}

function leadingInteger(text: string | null): number {
  const match = /^0*(\d{1,9})/.exec(text ?? '');
  return match ? Number(match[1]) : 0;
}
