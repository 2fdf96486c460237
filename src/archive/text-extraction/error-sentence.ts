/** Formats the message of an error as a sentence that ends with punctuation, for flag messages. */
export function errorSentence(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).trim();

  return /[.?!]$/u.test(message) ? message : `${message}.`;
}
