export interface TnefTestFile {
  /** Written as attAttachTitle in the stream's code page. */
  title?: Uint8Array;
  /** Written as PR_ATTACH_LONG_FILENAME (PT_UNICODE) in attAttachment. */
  longName?: string;
  mimeType?: string;
  content: Uint8Array;
}

/** Builds a TNEF stream ([MS-OXTNEF]) with an OEM code page and one attachment group per file. */
export function buildTnef(files: TnefTestFile[], codepage = 1252): Buffer {
  const pieces: Buffer[] = [];
  const header = Buffer.alloc(6);
  header.writeUInt32LE(0x223e9f78, 0);
  header.writeUInt16LE(0x0001, 4);
  pieces.push(header);

  const version = Buffer.alloc(4);
  version.writeUInt32LE(0x00010000, 0);
  pieces.push(attribute(0x01, 0x00089006, version));

  const oem = Buffer.alloc(8);
  oem.writeUInt32LE(codepage, 0);
  pieces.push(attribute(0x01, 0x00069007, oem));
  pieces.push(attribute(0x01, 0x00078008, Buffer.from('IPM.Microsoft Mail.Note\u0000', 'latin1')));

  for (const file of files) {
    pieces.push(attribute(0x02, 0x00069002, Buffer.alloc(14)));
    if (file.title) {
      pieces.push(attribute(0x02, 0x00018010, Buffer.concat([file.title, Buffer.from([0])])));
    }
    pieces.push(attribute(0x02, 0x0006800f, Buffer.from(file.content)));
    pieces.push(attribute(0x02, 0x00069005, mapiProperties(file)));
  }

  return Buffer.concat(pieces);
}

function attribute(level: number, id: number, data: Buffer): Buffer {
  const head = Buffer.alloc(9);
  head[0] = level;
  head.writeUInt32LE(id, 1);
  head.writeUInt32LE(data.length, 5);
  const checksum = Buffer.alloc(2);
  checksum.writeUInt16LE(data.reduce((sum, byte) => (sum + byte) & 0xffff, 0), 0);

  return Buffer.concat([head, data, checksum]);
}

function mapiProperties(file: TnefTestFile): Buffer {
  const properties: Buffer[] = [];

  const method = Buffer.alloc(8);
  method.writeUInt16LE(0x0003, 0);
  method.writeUInt16LE(0x3705, 2);
  method.writeUInt32LE(1, 4);
  properties.push(method);

  if (file.longName !== undefined) {
    properties.push(variableProperty(0x001f, 0x3707, Buffer.from(`${file.longName}\u0000`, 'utf16le')));
  }
  if (file.mimeType !== undefined) {
    properties.push(variableProperty(0x001e, 0x370e, Buffer.from(`${file.mimeType}\u0000`, 'latin1')));
  }

  const count = Buffer.alloc(4);
  count.writeUInt32LE(properties.length, 0);

  return Buffer.concat([count, ...properties]);
}

function variableProperty(type: number, id: number, value: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(id, 2);
  head.writeUInt32LE(1, 4);
  head.writeUInt32LE(value.length, 8);
  const padding = Buffer.alloc((4 - (value.length % 4)) % 4);

  return Buffer.concat([head, value, padding]);
}
