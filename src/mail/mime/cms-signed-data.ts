// Reads just enough of a CMS ContentInfo (RFC 5652) to tell signed from enveloped data and to take
// the signed content out of an opaque S/MIME message. Nothing here checks a signature.

export type CmsContentKind = 'signed-data' | 'enveloped-data' | 'other';

export interface CmsSummary {
  kind: CmsContentKind;
  /** The encapsulated content of signed data, or null when it is detached or absent. */
  content: Buffer | null;
  signerCount: number;
}

interface Element {
  tag: number;
  constructed: boolean;
  /** Offset of the first content byte. */
  start: number;
  /** Offset after the last content byte, without the end-of-contents octets of an indefinite length. */
  end: number;
  /** Offset after the whole element. */
  next: number;
}

// DER contents of the OIDs 1.2.840.113549.1.7.2 (signedData) and 1.2.840.113549.1.7.3 (envelopedData).
const SIGNED_DATA_OID = Buffer.from('2a864886f70d010702', 'hex');
const ENVELOPED_DATA_OID = Buffer.from('2a864886f70d010703', 'hex');

const TAG_OCTET_STRING = 0x04;
const TAG_OID = 0x06;
const TAG_SEQUENCE = 0x10;
const TAG_SET = 0x11;
const MAX_DEPTH = 64;

/** Summarises a BER or DER encoded ContentInfo, and throws on bytes that are not one. */
export function readCmsContentInfo(bytes: Buffer): CmsSummary {
  const contentInfo = readElement(bytes, 0, bytes.length, 0);
  const [typeOid, explicitContent] = children(bytes, contentInfo, 0);
  if (!typeOid || typeOid.tag !== TAG_OID) {
    throw new Error('ContentInfo has no content type');
  }

  const oid = bytes.subarray(typeOid.start, typeOid.end);
  if (oid.equals(ENVELOPED_DATA_OID)) {
    return { kind: 'enveloped-data', content: null, signerCount: 0 };
  }
  if (!oid.equals(SIGNED_DATA_OID) || !explicitContent) {
    return { kind: 'other', content: null, signerCount: 0 };
  }

  const [signedData] = children(bytes, explicitContent, 0);
  if (!signedData || signedData.tag !== TAG_SEQUENCE) {
    throw new Error('SignedData is not a SEQUENCE');
  }

  const fields = children(bytes, signedData, 0);
  const encapsulated = fields[2];
  const signerInfos = fields[fields.length - 1];

  return {
    kind: 'signed-data',
    content: encapsulated ? encapsulatedContent(bytes, encapsulated) : null,
    signerCount: signerInfos && signerInfos.tag === TAG_SET ? children(bytes, signerInfos, 0).length : 0,
  };
}

// EncapsulatedContentInfo ::= SEQUENCE { eContentType, eContent [0] EXPLICIT OCTET STRING OPTIONAL }.
// BER allows the OCTET STRING in constructed form, as chunks to join.
function encapsulatedContent(bytes: Buffer, encapsulated: Element): Buffer | null {
  const [, explicitContent] = children(bytes, encapsulated, 0);
  if (!explicitContent) {
    return null;
  }

  const [octets] = children(bytes, explicitContent, 0);
  if (!octets || octets.tag !== TAG_OCTET_STRING) {
    return null;
  }

  return Buffer.concat(octetChunks(bytes, octets, 0));
}

function octetChunks(bytes: Buffer, element: Element, depth: number): Buffer[] {
  if (!element.constructed) {
    return [bytes.subarray(element.start, element.end)];
  }

  return children(bytes, element, depth + 1).flatMap((child) => octetChunks(bytes, child, depth + 1));
}

function children(bytes: Buffer, parent: Element, depth: number): Element[] {
  if (!parent.constructed) {
    return [];
  }

  const found: Element[] = [];
  let position = parent.start;
  while (position < parent.end) {
    const child = readElement(bytes, position, parent.end, depth + 1);
    found.push(child);
    position = child.next;
  }

  return found;
}

function readElement(bytes: Buffer, offset: number, limit: number, depth: number): Element {
  if (depth > MAX_DEPTH) {
    throw new Error('BER nesting too deep');
  }

  const identifier = byteAt(bytes, offset, limit);
  const constructed = (identifier & 0x20) !== 0;
  let position = offset + 1;
  let tag = identifier & 0x1f;
  if (tag === 0x1f) {
    tag = 0;
    let byte: number;
    do {
      byte = byteAt(bytes, position++, limit);
      tag = tag * 128 + (byte & 0x7f);
    } while (byte & 0x80);
  }
  // The class bits keep context-specific tags ([0], [1]) apart from universal ones.
  if ((identifier & 0xc0) !== 0) {
    tag += 0x100 * (identifier >> 6);
  }

  const first = byteAt(bytes, position++, limit);
  if (first === 0x80) {
    if (!constructed) {
      throw new Error('indefinite length on a primitive element');
    }
    return readIndefinite(bytes, tag, position, limit, depth);
  }

  let length = first;
  if (first & 0x80) {
    const lengthBytes = first & 0x7f;
    if (lengthBytes > 4) {
      throw new Error('BER length too large');
    }
    length = 0;
    for (let index = 0; index < lengthBytes; index++) {
      length = length * 256 + byteAt(bytes, position++, limit);
    }
  }

  const end = position + length;
  if (end > limit) {
    throw new Error('BER element runs past its container');
  }

  return { tag, constructed, start: position, end, next: end };
}

function readIndefinite(bytes: Buffer, tag: number, start: number, limit: number, depth: number): Element {
  let position = start;
  while (position + 1 < limit) {
    if (bytes[position] === 0 && bytes[position + 1] === 0) {
      return { tag, constructed: true, start, end: position, next: position + 2 };
    }
    position = readElement(bytes, position, limit, depth + 1).next;
  }

  throw new Error('indefinite length without end-of-contents');
}

function byteAt(bytes: Buffer, offset: number, limit: number): number {
  if (offset >= limit || offset >= bytes.length) {
    throw new Error('BER data truncated');
  }

  return bytes[offset]!;
}
