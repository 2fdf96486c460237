import { dkimSign } from 'mailauth/lib/dkim/sign.js';
import type { AppContext } from '../../platform/app-context.js';
import { readHeaderSection } from '../mime/header-section.js';
import { loadDkimKey } from './dkim-keys.js';

/** Signed whenever present; a receiving Công Văn reads document metadata from the X-CongVan-* fields. */
const SIGNED_FIELDS = ['From', 'To', 'Cc', 'Subject', 'Date', 'Message-ID', 'MIME-Version', 'Content-Type'];

/**
 * Prepends a DKIM-Signature (rsa-sha256, relaxed/relaxed) made with the key of `fromDomain`,
 * generating that key on first use. Call it once per message: every recipient then gets the same
 * signed bytes, and the stored blob is what was sent.
 */
export async function signMessage(ctx: AppContext, raw: Buffer, fromDomain: string): Promise<Buffer> {
  const key = await loadDkimKey(ctx, fromDomain);

  const result = await dkimSign(raw, {
    signTime: ctx.clock.now(),
    // NOTE: mailauth 4.13.3 reads headerList only as a colon-separated string; an array, as its
    // type declaration asks for, is ignored and the default field list is signed instead.
    headerList: signedFieldsOf(raw).join(':') as unknown as string[],
    signatureData: [
      { signingDomain: key.domain, selector: key.selector, privateKey: key.privateKeyPem, algorithm: 'rsa-sha256', canonicalization: 'relaxed/relaxed' },
    ],
  } as Parameters<typeof dkimSign>[1]);

  if (result.errors.length > 0) {
    const first = result.errors[0] as Error | { err?: Error };
    const detail = first instanceof Error ? first.message : (first.err?.message ?? String(first));
    throw new Error(`DKIM signing for ${key.domain} failed: ${detail}`);
  }

  return Buffer.concat([Buffer.from(result.signatures, 'latin1'), raw]);
}

function signedFieldsOf(raw: Buffer): string[] {
  const congvanFields = new Map<string, string>();
  for (const field of readHeaderSection(raw).fields) {
    if (field.key.startsWith('x-congvan-')) congvanFields.set(field.key, field.name);
  }

  return [...SIGNED_FIELDS, ...congvanFields.values()];
}
