import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';

export interface DkimKey {
  domain: string;
  selector: string;
  /** PKCS #8 PEM. */
  privateKeyPem: string;
  /** Base64 of the DER SubjectPublicKeyInfo: the `p=` value of the DKIM TXT record. */
  publicKeyBase64: string;
}

const storedKeySchema = z.object({ selector: z.string().min(1), privateKeyPem: z.string().min(1), publicKeyBase64: z.string().min(1) });

const generateKeyPairAsync = promisify(generateKeyPair);

/**
 * Returns the domain's DKIM key, generating an RSA-2048 key with the configured selector on first
 * use. The key lives in `settings` under `dkim:<domain>` so every node signs with the same key.
 * When two nodes generate at once, the first insert wins and both return the stored key.
 */
export async function loadDkimKey(ctx: AppContext, domain: string): Promise<DkimKey> {
  const normalized = domain.toLowerCase();

  const stored = await readDkimKey(ctx, normalized);
  if (stored) return stored;

  const { privateKey, publicKey } = await generateKeyPairAsync('rsa', { modulusLength: 2048 });
  const value = {
    selector: ctx.config.dkimSelector,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyBase64: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
  await ctx.db
    .insertInto('settings')
    .values({ key: settingKeyOf(normalized), value: JSON.stringify(value), updated_at: ctx.clock.now().toISOString() })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();

  const winner = await readDkimKey(ctx, normalized);
  if (!winner) throw new Error(`The DKIM key of ${normalized} was inserted but cannot be read back from settings.`);

  return winner;
}

async function readDkimKey(ctx: AppContext, domain: string): Promise<DkimKey | null> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', settingKeyOf(domain)).executeTakeFirst();
  if (!row) return null;

  const parsed = storedKeySchema.safeParse(JSON.parse(row.value));
  if (!parsed.success) {
    throw new Error(`The setting ${settingKeyOf(domain)} is not a DKIM key (${parsed.error.issues[0]!.message}); delete it to generate a new key, then publish the record that "congvan dns ${domain}" prints.`);
  }

  return { domain, ...parsed.data };
}

function settingKeyOf(domain: string): string {
  return `dkim:${domain}`;
}
