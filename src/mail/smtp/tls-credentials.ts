import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from 'selfsigned';
import type { Config } from '../../config.js';
import { logger } from '../../platform/logger.js';

export interface TlsCredentials {
  key: Buffer;
  cert: Buffer;
  selfSigned: boolean;
}

const SELF_SIGNED_VALIDITY_DAYS = 825;

/**
 * Loads the configured certificate, or generates a self-signed one into `<data>/tls/` on first
 * start so that STARTTLS works out of the box. Senders that verify certificates need a real one.
 */
export async function loadTlsCredentials(config: Config): Promise<TlsCredentials> {
  if (config.tlsCertFile && config.tlsKeyFile) {
    return { key: await readFile(config.tlsKeyFile), cert: await readFile(config.tlsCertFile), selfSigned: false };
  }

  const folder = path.join(config.dataDir, 'tls');
  const keyFile = path.join(folder, 'self-signed.key');
  const certFile = path.join(folder, 'self-signed.crt');

  if (!existsSync(keyFile) || !existsSync(certFile)) {
    await mkdir(folder, { recursive: true });
    const pems = await generate([{ name: 'commonName', value: config.hostname }], {
      keySize: 2048,
      notAfterDate: new Date(Date.now() + SELF_SIGNED_VALIDITY_DAYS * 24 * 3600 * 1000),
      algorithm: 'sha256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: config.hostname }] }],
    });
    await writeFile(keyFile, pems.private, { mode: 0o600 });
    await writeFile(certFile, pems.cert);
    logger('smtp').info({ certFile }, 'generated a self-signed TLS certificate');
  }

  return { key: await readFile(keyFile), cert: await readFile(certFile), selfSigned: true };
}
