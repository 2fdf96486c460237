/** Takes the first msg-id of a header value without angle brackets. A bare id without blanks is accepted. */
export function readMessageId(text: string): string | null {
  const bracketed = /<([^<>\s]+)>/.exec(text);
  if (bracketed) {
    return bracketed[1]!;
  }

  const bare = text.trim();

  return bare !== '' && !/\s/.test(bare) ? bare : null;
}

/** Takes every msg-id of a References or In-Reply-To value, in order. */
export function readMessageIds(text: string): string[] {
  return [...text.matchAll(/<([^<>\s]+)>/g)].map((match) => match[1]!);
}
