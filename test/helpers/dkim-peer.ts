import { generateKeyPairSync } from 'node:crypto';
import { dkimSign } from 'mailauth/lib/dkim/sign.js';
import type { AppContext } from '../../src/platform/app-context.js';
import { formatZoneRecords, sendingDomainRecords } from '../../src/mail/outbound/dns-records.js';

/** A mail domain elsewhere that signs its mail, with the records it would publish in DNS. */
export interface DkimPeer {
  domain: string;
  /** Zone-file lines for CONGVAN_DNS_RECORDS: MX, SPF, DKIM and DMARC, as `congvan dns` prints them. */
  records: string;
  /** Prepends a DKIM-Signature of this domain (rsa-sha256, relaxed/relaxed). */
  sign(raw: Buffer): Promise<Buffer>;
  /** Makes a context sign this domain's mail with this key, as if it had generated it. */
  install(ctx: AppContext): Promise<void>;
}

const keys = new Map<string, { privateKeyPem: string; publicKeyBase64: string }>();

export function dkimPeer(domain: string, selector = 'congvan'): DkimPeer {
  // RSA-2048 generation takes a noticeable moment, so one key per domain serves the whole file.
  let key = keys.get(domain);
  if (!key) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    key = {
      privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyBase64: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    };
    keys.set(domain, key);
  }
  const { privateKeyPem, publicKeyBase64 } = key;

  return {
    domain,
    records: formatZoneRecords(sendingDomainRecords(domain, `mx.${domain}`, { domain, selector, privateKeyPem, publicKeyBase64 })),
    async install(ctx) {
      const value = JSON.stringify({ selector, privateKeyPem, publicKeyBase64 });
      await ctx.db.insertInto('settings').values({ key: `dkim:${domain}`, value, updated_at: new Date().toISOString() }).execute();
    },
    async sign(raw) {
      const result = await dkimSign(raw, {
        signatureData: [{ signingDomain: domain, selector, privateKey: privateKeyPem, algorithm: 'rsa-sha256', canonicalization: 'relaxed/relaxed' }],
      } as Parameters<typeof dkimSign>[1]);
      if (result.errors.length > 0) throw new Error(`test DKIM signing for ${domain} failed: ${JSON.stringify(result.errors[0])}`);

      return Buffer.concat([Buffer.from(result.signatures, 'latin1'), raw]);
    },
  };
}
