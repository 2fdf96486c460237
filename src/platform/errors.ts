/**
 * Errors with stable codes. `message` is Vietnamese for people; `messageEn` is the English
 * locale. HTTP maps `status`; SMTP maps local failures to 4xx, never 5xx.
 */
export type ErrorCode =
  /** Input failed validation; the caller fixes the named field. */
  | 'invalid-input'
  /** Login or password wrong; the caller retries with other credentials. */
  | 'invalid-credentials'
  /** No session; the caller logs in. */
  | 'unauthenticated'
  /** Missing or wrong CSRF token; the caller reloads the token from /auth/me. */
  | 'csrf-mismatch'
  /** The user's roles or organization do not allow this. */
  | 'forbidden'
  /** The record does not exist or is not visible to the user. */
  | 'not-found'
  /** The record's state does not allow the change, e.g. accepting twice. */
  | 'conflict'
  /** A sending rule refuses the request; the message names the rule and what to do instead. */
  | 'rule-violation'
  /** Too many attempts in a short time, such as wrong passwords; the caller waits and retries. */
  | 'rate-limited'
  /** A local failure (disk, database); the caller retries later. */
  | 'internal';

const statusByCode: Record<ErrorCode, number> = {
  'invalid-input': 400,
  'invalid-credentials': 401,
  unauthenticated: 401,
  'csrf-mismatch': 403,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rule-violation': 422,
  'rate-limited': 429,
  internal: 500,
};

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly messageEn: string,
    readonly field?: string,
    status?: number,
  ) {
    super(message);
    this.status = status ?? statusByCode[code];
  }
}

export function notFound(what: string, whatEn: string, id: string): AppError {
  return new AppError('not-found', `Không tìm thấy ${what} ${id}.`, `${whatEn} ${id} not found.`);
}

export function invalidInput(field: string, message: string, messageEn: string): AppError {
  return new AppError('invalid-input', message, messageEn, field);
}

/**
 * Input that is well-formed but fails a rule, such as a member code not in the directory. The
 * code stays `invalid-input`, with HTTP status 422.
 */
export function unprocessableInput(field: string, message: string, messageEn: string): AppError {
  return new AppError('invalid-input', message, messageEn, field, 422);
}

/** One invalid input field, named by its path (`metadata.issuedOn`), with the problem in both languages. */
export interface InvalidField {
  field: string;
  message: string;
  messageEn: string;
}

/** An `invalid-input` error that lists every invalid field, so that a form can mark each one. */
export class ValidationError extends AppError {
  constructor(
    message: string,
    messageEn: string,
    readonly issues: readonly InvalidField[],
  ) {
    super('invalid-input', message, messageEn, issues[0]?.field);
  }
}
