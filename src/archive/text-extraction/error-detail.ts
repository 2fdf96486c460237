/** Formats an error as "Name: message" for logs. Flag messages for clerks never include it. */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
