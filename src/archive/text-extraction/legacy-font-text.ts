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
    // Some files store the codes in the private use area U+F000–U+F0FF, as Word does for symbol fonts.
    const byte = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
    if (byte > 0xff) {
      return text;
    }
    bytes.push(byte);
  }

  const decoded = iconv.decode(Buffer.from(bytes), 'tcvn').normalize('NFC');

  return /H$/u.test(fontName.trim()) ? decoded.toUpperCase() : decoded;
}

// NOTE: VNI fonts ("VNI-Times"), which use two codes per accented letter, are not decoded yet.
// Neither are TCVN3 fonts inside a PDF, so the text of such files stays garbled.
