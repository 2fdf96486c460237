import { dkimSign } from 'mailauth/lib/dkim/sign.js';
import addressparser from 'nodemailer/lib/addressparser';
import { isDomainName } from '../../config.js';
import type { AppContext } from '../../platform/app-context.js';
import { readHeaderSection } from '../mime/header-section.js';
import { loadDkimKey } from './dkim-keys.js';

/** Header fields signed whenever present, together with every X-CongVan-* field of the message. */
const SIGNED_FIELDS = ['From', 'To', 'Cc', 'Subject', 'Date', 'Message-ID', 'MIME-Version', 'Content-Type'];

/**
 * Prepends a DKIM-Signature (rsa-sha256, relaxed/relaxed) made with the key of `fromDomain`,
 * generating that key on first use. Outbound delivery signs the stored message on each attempt,
 * for all recipients of that attempt at once.
 */
export async function signMessage(ctx: AppContext, raw: Buffer, fromDomain: string): Promise<Buffer> {
  const key = await loadDkimKey(ctx, fromDomain);

  const result = await dkimSign(raw, {
    signTime: ctx.clock.now(),
    // NOTE: mailauth 4.13.3 reads headerList only as a colon-separated string. An array, which its
    // type declaration requires, is ignored, and the default field list is signed instead.
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

/**
 * Returns the domain to sign for: the From header's, which DMARC aligns with, else the envelope
 * sender's when the From header has no usable address.
 */
export function signingDomainOf(raw: Buffer, envelopeFrom: string): string {
  const from = readHeaderSection(raw).fields.find((field) => field.key === 'from');
  const address = from ? addressparser(from.value.toString('utf8'), { flatten: true })[0]?.address : undefined;
  const domain = address?.slice(address.lastIndexOf('@') + 1).toLowerCase();

  if (domain && isDomainName(domain)) return domain;

  return envelopeFrom.slice(envelopeFrom.lastIndexOf('@') + 1).toLowerCase();
}
