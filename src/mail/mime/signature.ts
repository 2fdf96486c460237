import type { FlagList } from './flag-list.js';
import { plainParameter } from './header-params.js';
import type { MimeEntity } from './mime-tree.js';
import { MESSAGE_FLAG_CODES, type MessageSignature } from './types.js';

const SMIME_SIGNATURE_TYPES = new Set(['application/pkcs7-signature', 'application/x-pkcs7-signature']);
const PGP_SIGNATURE_TYPE = 'application/pgp-signature';
const INLINE_PGP_HEADER = '-----BEGIN PGP SIGNED MESSAGE-----';

// NOTE: no signature is verified yet, so `verified` stays null and every signature is flagged
// signature-unverified. A check must hash the signed part's raw bytes, which the tree keeps.

/**
 * Describes a multipart/signed entity (RFC 1847 section 2.1, with RFC 8551 for S/MIME and RFC 3156
 * for PGP): the first child is the signed content, the second the signature.
 */
export function describeSignedMultipart(entity: MimeEntity, flags: FlagList): MessageSignature {
  const protocol = (plainParameter(entity.contentType, 'protocol') ?? '').trim().toLowerCase();
  const micalg = plainParameter(entity.contentType, 'micalg');
  const signaturePart = entity.children[1];
  const signatureType = signaturePart?.contentType.value ?? '';
  const kind = protocol === PGP_SIGNATURE_TYPE || signatureType === PGP_SIGNATURE_TYPE ? 'pgp' : 'smime';
  const where = `part ${entity.path || '(message)'}`;

  const expectedTypes = kind === 'pgp' ? new Set([PGP_SIGNATURE_TYPE]) : SMIME_SIGNATURE_TYPES;
  if (entity.children.length !== 2 || !expectedTypes.has(signatureType)) {
    flags.add(
      MESSAGE_FLAG_CODES.signatureInvalid,
      `multipart/signed has ${entity.children.length} parts and a ${signatureType || 'missing'} signature part`,
      where,
    );
  }
  flags.add(MESSAGE_FLAG_CODES.signatureUnverified, 'the signature was not verified', where);

  const algorithm = micalg ? `, micalg=${micalg}` : '';
  const location = signaturePart ? `, signature in part ${signaturePart.path} (${signaturePart.body.length} bytes)` : '';

  return {
    kind,
    verified: null,
    detail: `${kind === 'pgp' ? 'PGP/MIME' : 'S/MIME'} multipart/signed${algorithm}${location}`,
  };
}

/** Describes an application/pkcs7-mime entity (S/MIME, RFC 8551): opaque signed data or enveloped data. */
export function describePkcs7(entity: MimeEntity, flags: FlagList): MessageSignature | null {
  const smimeType = (plainParameter(entity.contentType, 'smime-type') ?? '').toLowerCase();
  const where = `part ${entity.path}`;
  const cms = entity.cms;

  if (smimeType === 'enveloped-data' || (cms && 'kind' in cms && cms.kind === 'enveloped-data')) {
    flags.add(MESSAGE_FLAG_CODES.messageEncrypted, 'S/MIME encrypted content cannot be read without the key', where);
    return null;
  }

  if (!cms || 'error' in cms) {
    if (smimeType !== 'signed-data') {
      return null;
    }
    flags.add(MESSAGE_FLAG_CODES.signatureInvalid, `PKCS #7 signed data cannot be read: ${cms ? cms.error : 'empty'}`, where);
    return { kind: 'smime', verified: null, detail: 'S/MIME signed-data that cannot be read' };
  }

  if (cms.kind !== 'signed-data') {
    return null;
  }

  flags.add(MESSAGE_FLAG_CODES.signatureUnverified, 'the signature was not verified', where);
  if (cms.content === null) {
    flags.add(MESSAGE_FLAG_CODES.signatureInvalid, 'S/MIME signed-data without encapsulated content', where);
  }

  return {
    kind: 'smime',
    verified: null,
    detail: `S/MIME opaque signed-data in part ${entity.path}, ${cms.signerCount} signer(s)`,
  };
}

/** Describes a clear-signed OpenPGP text (RFC 4880 section 7) inside a text/plain body, or returns null. */
export function describeInlinePgp(text: string, path: string, flags: FlagList): MessageSignature | null {
  if (!text.includes(INLINE_PGP_HEADER)) {
    return null;
  }

  flags.add(MESSAGE_FLAG_CODES.signatureUnverified, 'the signature was not verified', `part ${path}`);

  return { kind: 'pgp', verified: null, detail: `inline PGP signature in part ${path}` };
}
