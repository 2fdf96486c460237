// Reads a TNEF MAPI property list, the data of the attMAPIProps and attAttachment attributes.
// Microsoft's attMAPIProps documentation lays it out as a count, then per property a type, an id,
// a name for named properties, and the values. Each value is padded to 4 bytes.

export interface MapiProperty {
  id: number;
  type: number;
  /** Raw value bytes, several for a multi-valued property. */
  values: Buffer[];
}

export const PT_STRING8 = 0x001e;
export const PT_UNICODE = 0x001f;
export const PT_BINARY = 0x0102;
export const PT_OBJECT = 0x000d;

const MULTI_VALUED = 0x1000;
const MAX_PROPERTIES = 10_000;
const VARIABLE_TYPES = new Set([PT_STRING8, PT_UNICODE, PT_BINARY, PT_OBJECT]);

// Bytes per value of the fixed-size types, after TNEF's padding to 4 bytes.
const FIXED_SIZES = new Map<number, number>([
  [0x0002, 4], // PT_I2
  [0x0003, 4], // PT_LONG
  [0x0004, 4], // PT_R4
  [0x0005, 8], // PT_DOUBLE
  [0x0006, 8], // PT_CURRENCY
  [0x0007, 8], // PT_APPTIME
  [0x000a, 4], // PT_ERROR
  [0x000b, 4], // PT_BOOLEAN
  [0x0014, 8], // PT_I8
  [0x0040, 8], // PT_SYSTIME
  [0x0048, 16], // PT_CLSID
]);

/** Reads the properties until the list ends or a value does not fit, keeping what was read. */
export function readMapiProperties(data: Buffer): MapiProperty[] {
  const properties: MapiProperty[] = [];
  if (data.length < 4) {
    return properties;
  }

  const count = Math.min(data.readUInt32LE(0), MAX_PROPERTIES);
  let position = 4;

  for (let index = 0; index < count; index++) {
    const read = readProperty(data, position);
    if (!read) {
      break;
    }
    properties.push(read.property);
    position = read.next;
  }

  return properties;
}

function readProperty(data: Buffer, start: number): { property: MapiProperty; next: number } | null {
  if (start + 4 > data.length) {
    return null;
  }

  const type = data.readUInt16LE(start);
  const id = data.readUInt16LE(start + 2);
  let position = start + 4;

  // Named properties (id 0x8000 and above) carry a GUID and a numeric id or a UTF-16 name.
  if (id >= 0x8000) {
    position += 16;
    if (position + 4 > data.length) {
      return null;
    }
    const kind = data.readUInt32LE(position);
    position += 4;
    if (kind === 0) {
      position += 4;
    } else {
      if (position + 4 > data.length) {
        return null;
      }
      position += 4 + padded(data.readUInt32LE(position));
    }
  }

  const baseType = type & ~MULTI_VALUED;
  const values = VARIABLE_TYPES.has(baseType)
    ? readVariableValues(data, position)
    : readFixedValues(data, position, baseType, (type & MULTI_VALUED) !== 0);
  if (!values) {
    return null;
  }

  return { property: { id, type: baseType, values: values.values }, next: values.next };
}

function readVariableValues(data: Buffer, start: number): { values: Buffer[]; next: number } | null {
  if (start + 4 > data.length) {
    return null;
  }

  const count = data.readUInt32LE(start);
  const values: Buffer[] = [];
  let position = start + 4;
  for (let index = 0; index < count; index++) {
    if (position + 4 > data.length) {
      return null;
    }
    const length = data.readUInt32LE(position);
    position += 4;
    if (position + length > data.length) {
      return null;
    }
    values.push(data.subarray(position, position + length));
    position += padded(length);
  }

  return { values, next: position };
}

function readFixedValues(
  data: Buffer,
  start: number,
  type: number,
  multiValued: boolean,
): { values: Buffer[]; next: number } | null {
  const size = FIXED_SIZES.get(type);
  if (size === undefined) {
    return null;
  }

  let position = start;
  let count = 1;
  if (multiValued) {
    if (position + 4 > data.length) {
      return null;
    }
    count = data.readUInt32LE(position);
    position += 4;
  }

  if (position + count * size > data.length) {
    return null;
  }

  const values: Buffer[] = [];
  for (let index = 0; index < count; index++) {
    values.push(data.subarray(position, position + size));
    position += size;
  }

  return { values, next: position };
}

function padded(length: number): number {
  return (length + 3) & ~3;
}
