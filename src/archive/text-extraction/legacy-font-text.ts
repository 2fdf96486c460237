import iconv from 'iconv-lite';

/**
 * Decodes text typed with a TCVN3 (ABC) font such as ".VnTime", which Vietnamese offices used
 * before Unicode: the file stores the font's byte codes as Latin-1 characters, so "Uû ban nh©n
 * d©n" is "Ủy ban nhân dân". The fonts whose name ends in H (".VnTimeH") show those codes as
 * capitals. Text in other fonts is returned unchanged.
 */
export function decodeLegacyFontText(text: string, fontName: string | null): string {
  if (fontName === null || !fontName.startsWith('.Vn')) {
    return text;
  }

  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    // Word stores the codes of symbol-like fonts in the private use area U+F000–U+F0FF.
    const byte = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
    if (byte > 0xff) {
      return text;
    }
    bytes.push(byte);
  }

  const decoded = iconv.decode(Buffer.from(bytes), 'tcvn').normalize('NFC');

  return /H$/u.test(fontName.trim()) ? decoded.toUpperCase() : decoded;
}

// NOTE: VNI fonts ("VNI-Times") use two codes per accented letter and are not decoded yet, so
// their text stays garbled; the same legacy fonts inside a PDF are not decoded either.
