import { describe, expect, it } from 'vitest';

import { readCmsContentInfo } from './cms-signed-data.js';
import { fixture } from './test-support/eml.js';

function opaqueSignedData(): Buffer {
  const raw = fixture('mime/smime-opaque-signed.eml').toString('latin1');
  const body = raw.slice(raw.search(/\r?\n\r?\n/)).trim();

  return Buffer.from(body, 'base64');
}

// DER of a ContentInfo with a given content type OID and an empty [0] content.
function contentInfo(oidHex: string): Buffer {
  const oid = Buffer.from(oidHex, 'hex');
  const inner = Buffer.concat([Buffer.from([0x06, oid.length]), oid, Buffer.from([0xa0, 0x02, 0x30, 0x00])]);

  return Buffer.concat([Buffer.from([0x30, inner.length]), inner]);
}

describe('readCmsContentInfo', () => {
  it('takes the content out of OpenSSL opaque signed data', () => {
    const summary = readCmsContentInfo(opaqueSignedData());

    expect(summary.kind).toBe('signed-data');
    expect(summary.signerCount).toBe(1);
    expect(summary.content?.toString('latin1')).toMatch(/^Content-Type: multipart\/mixed; boundary="inner-boundary-1187"/);
  });

  it('joins a constructed OCTET STRING with indefinite lengths', () => {
    const chunk = (text: string) => Buffer.concat([Buffer.from([0x04, text.length]), Buffer.from(text)]);
    const octets = Buffer.concat([Buffer.from([0x24, 0x80]), chunk('Hello, '), chunk('world'), Buffer.from([0, 0])]);
    const dataOid = Buffer.from('06092a864886f70d010701', 'hex');
    const encapsulated = Buffer.concat([Buffer.from([0x30, 0x80]), dataOid, Buffer.from([0xa0, 0x80]), octets, Buffer.from([0, 0, 0, 0])]);
    const signedData = Buffer.concat([
      Buffer.from([0x30, 0x80]),
      Buffer.from([0x02, 0x01, 0x01, 0x31, 0x00]),
      encapsulated,
      Buffer.from([0x31, 0x00, 0, 0]),
    ]);
    const signedOid = Buffer.from('06092a864886f70d010702', 'hex');
    const ber = Buffer.concat([Buffer.from([0x30, 0x80]), signedOid, Buffer.from([0xa0, 0x80]), signedData, Buffer.from([0, 0, 0, 0])]);

    const summary = readCmsContentInfo(ber);

    expect(summary.content?.toString()).toBe('Hello, world');
    expect(summary.signerCount).toBe(0);
  });

  it('recognises enveloped data', () => {
    expect(readCmsContentInfo(contentInfo('2a864886f70d010703')).kind).toBe('enveloped-data');
  });

  it('throws on truncated or foreign bytes', () => {
    expect(() => readCmsContentInfo(opaqueSignedData().subarray(0, 100))).toThrow();
    expect(() => readCmsContentInfo(Buffer.from('not der'))).toThrow();
  });
});
