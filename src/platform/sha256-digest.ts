import { webcrypto } from 'node:crypto';

/**
 * Returns the SHA-256 of the bytes as lower-case hex, computed on a libuv thread by WebCrypto.
 * `createHash` would hash on the event loop, which for a 100 KB message took about 70 µs that
 * the SMTP connections waiting for their replies could use.
 */
export async function sha256Digest(bytes: Uint8Array): Promise<string> {
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');
}
