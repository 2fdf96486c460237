// Lists the stream and storage names of an OLE2 compound file (Microsoft [MS-CFB]: header, FAT
// and DIFAT chains, 128-byte directory entries). The names separate a Word 97-2003 .doc from an
// .xls, a .ppt or an Outlook .msg.

const END_OF_CHAIN = 0xfffffffe;
const MAX_REGULAR_SECTOR = 0xfffffffa;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_BYTES = 128;
const MAX_SECTORS_FOLLOWED = 100_000;

export const COMPOUND_FILE_SIGNATURE = Buffer.from('d0cf11e0a1b11ae1', 'hex');

/** Returns the names in the directory, or null when the header or the directory chain is broken. */
export function listCompoundFileNames(bytes: Uint8Array): string[] | null {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 512 || !buffer.subarray(0, 8).equals(COMPOUND_FILE_SIGNATURE)) {
    return null;
  }

  const sectorShift = buffer.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) {
    return null;
  }

  const sectorSize = 1 << sectorShift;
  const fatSectors = readFatSectorList(buffer, sectorSize);
  const names: string[] = [];
  const visited = new Set<number>();
  let sector = buffer.readUInt32LE(0x30);

  while (sector <= MAX_REGULAR_SECTOR && !visited.has(sector) && visited.size < MAX_SECTORS_FOLLOWED) {
    visited.add(sector);
    const offset = (sector + 1) * sectorSize;
    if (offset + sectorSize > buffer.length) {
      return names.length > 0 ? names : null;
    }

    for (let entry = offset; entry < offset + sectorSize; entry += DIRECTORY_ENTRY_BYTES) {
      const name = directoryEntryName(buffer, entry);
      if (name !== null) {
        names.push(name);
      }
    }
    sector = nextSector(buffer, fatSectors, sectorSize, sector);
  }

  return names;
}

function directoryEntryName(buffer: Buffer, entry: number): string | null {
  const nameBytes = buffer.readUInt16LE(entry + 0x40);
  const objectType = buffer[entry + 0x42];
  if (objectType === 0 || nameBytes < 2 || nameBytes > 64) {
    return null;
  }

  // The length counts the terminating UTF-16 null character.
  return buffer.toString('utf16le', entry, entry + nameBytes - 2);
}

// The FAT sector numbers: 109 in the header, the rest in a chain of DIFAT sectors.
function readFatSectorList(buffer: Buffer, sectorSize: number): number[] {
  const count = buffer.readUInt32LE(0x2c);
  const list: number[] = [];

  for (let index = 0; index < Math.min(count, HEADER_DIFAT_ENTRIES); index++) {
    list.push(buffer.readUInt32LE(0x4c + index * 4));
  }

  const perDifatSector = sectorSize / 4 - 1;
  const visited = new Set<number>();
  let difat = buffer.readUInt32LE(0x44);
  while (list.length < count && difat <= MAX_REGULAR_SECTOR && !visited.has(difat)) {
    visited.add(difat);
    const offset = (difat + 1) * sectorSize;
    if (offset + sectorSize > buffer.length) {
      break;
    }
    for (let index = 0; index < perDifatSector && list.length < count; index++) {
      list.push(buffer.readUInt32LE(offset + index * 4));
    }
    difat = buffer.readUInt32LE(offset + perDifatSector * 4);
  }

  return list;
}

function nextSector(buffer: Buffer, fatSectors: number[], sectorSize: number, sector: number): number {
  const entriesPerSector = sectorSize / 4;
  const fatSector = fatSectors[Math.floor(sector / entriesPerSector)];
  if (fatSector === undefined || fatSector > MAX_REGULAR_SECTOR) {
    return END_OF_CHAIN;
  }

  const offset = (fatSector + 1) * sectorSize + (sector % entriesPerSector) * 4;

  return offset + 4 <= buffer.length ? buffer.readUInt32LE(offset) : END_OF_CHAIN;
}
