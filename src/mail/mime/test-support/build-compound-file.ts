const SECTOR = 512;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

/**
 * Builds a minimal OLE2 compound file whose directory names the given streams (all empty), laid
 * out as header, one FAT sector and one directory sector.
 */
export function buildCompoundFile(streamNames: string[]): Buffer {
  const header = Buffer.alloc(SECTOR);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(1, 0x30);
  header.writeUInt32LE(0x1000, 0x38);
  header.writeUInt32LE(END_OF_CHAIN, 0x3c);
  header.writeUInt32LE(END_OF_CHAIN, 0x44);
  for (let index = 0; index < 109; index++) {
    header.writeUInt32LE(index === 0 ? 0 : FREE, 0x4c + index * 4);
  }

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  fat.writeUInt32LE(END_OF_CHAIN, 4);

  const directory = Buffer.alloc(SECTOR);
  const names = ['Root Entry', ...streamNames].slice(0, SECTOR / 128);
  names.forEach((name, index) => {
    const entry = index * 128;
    const encoded = Buffer.from(`${name}\u0000`, 'utf16le');
    encoded.copy(directory, entry);
    directory.writeUInt16LE(encoded.length, entry + 0x40);
    directory[entry + 0x42] = index === 0 ? 5 : 2;
    directory.writeUInt32LE(FREE, entry + 0x44);
    directory.writeUInt32LE(FREE, entry + 0x48);
    directory.writeUInt32LE(index === 0 && names.length > 1 ? 1 : FREE, entry + 0x4c);
    directory.writeUInt32LE(END_OF_CHAIN, entry + 0x74);
  });

  return Buffer.concat([header, fat, directory]);
}
