import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Entry compressed with deflate. `size` is the uncompressed size written to the headers, which
 * a test may set to a false value. With `zip64`, the 32-bit size fields contain 0xFFFFFFFF and
 * the sizes sit in a zip64 extra field.
 */
export type DeflatedEntry = {
  deflated: Uint8Array;
  size: number;
  crc?: number;
  zip64?: boolean;
};

const MAX_32 = 0xffffffff;

/** Builds a zip archive, for tests. Strings and byte arrays are stored without compression. */
export function buildZip(entries: Record<string, string | Uint8Array | DeflatedEntry>): Uint8Array {
  const localParts: Buffer[] = [];
  const centralParts: Buffer[] = [];
  let offset = 0;

  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const entry = toEntry(content);
    const data = Buffer.from(entry.data);
    const zip64Extra = entry.zip64 ? zip64ExtraField(entry.size, data.length) : Buffer.alloc(0);
    const storedSize = entry.zip64 ? MAX_32 : entry.size;
    const storedCompressedSize = entry.zip64 ? MAX_32 : data.length;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(entry.zip64 ? 45 : 20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(storedCompressedSize, 18);
    local.writeUInt32LE(storedSize, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(zip64Extra.length, 28);
    localParts.push(local, nameBytes, zip64Extra, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.zip64 ? 45 : 20, 4);
    central.writeUInt16LE(entry.zip64 ? 45 : 20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(storedCompressedSize, 20);
    central.writeUInt32LE(storedSize, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt16LE(zip64Extra.length, 30);
    central.writeUInt32LE(offset, 42);
    centralParts.push(central, nameBytes, zip64Extra);

    offset += local.length + nameBytes.length + zip64Extra.length + data.length;
  }

  const entryCount = Object.keys(entries).length;
  const centralDirectory = Buffer.concat(centralParts);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entryCount, 8);
  end.writeUInt16LE(entryCount, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);

  return new Uint8Array(Buffer.concat([...localParts, centralDirectory, end]));
}

/** Compresses `content` into a deflated entry with its true size and checksum. */
export function deflatedEntry(content: string | Uint8Array): DeflatedEntry {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);

  return { deflated: deflateRawSync(data), size: data.length, crc: crc32(data) };
}

/**
 * Builds raw deflate data that inflates to `mebibytes` MiB of zero bytes, at about 1000:1, without
 * holding the inflated bytes in memory. One MiB of zeros is deflated with a full flush, which ends
 * it on a byte boundary and resets the dictionary, so the block can be repeated. An empty final
 * block (0x03 0x00) ends the stream.
 */
export function deflatedZeros(mebibytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH });
  const blocks = Array.from({ length: mebibytes }, () => block);

  return new Uint8Array(Buffer.concat([...blocks, Buffer.from([0x03, 0x00])]));
}

type BuiltEntry = { data: Uint8Array; size: number; method: number; crc: number; zip64: boolean };

function toEntry(content: string | Uint8Array | DeflatedEntry): BuiltEntry {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;

    return { data, size: data.length, method: 0, crc: crc32(data), zip64: false };
  }

  return { data: content.deflated, size: content.size, method: 8, crc: content.crc ?? 0, zip64: content.zip64 ?? false };
}

// Zip64 extended information (header 0x0001): the uncompressed size, then the compressed size.
function zip64ExtraField(size: number, compressedSize: number): Buffer {
  const field = Buffer.alloc(20);
  field.writeUInt16LE(0x0001, 0);
  field.writeUInt16LE(16, 2);
  field.writeBigUInt64LE(BigInt(size), 4);
  field.writeBigUInt64LE(BigInt(compressedSize), 12);

  return field;
}
