import { MESSAGE_FLAG_CODES, type MessageFlag, type MessageFlagCode } from './types.js';

// A hostile message can raise the same problem in every one of thousands of parts, or put
// megabytes into the header a detail quotes.
const MAX_FLAGS = 100;
const MAX_DETAIL_CHARS = 4_000;

/** Flags of one parse, without repeats of the same code and detail. */
export class FlagList {
  private readonly flags: MessageFlag[] = [];
  private readonly seen = new Set<string>();
  private dropped = 0;

  add(code: MessageFlagCode, message: string, fullDetail?: string): void {
    const detail =
      fullDetail !== undefined && fullDetail.length > MAX_DETAIL_CHARS
        ? `${fullDetail.slice(0, MAX_DETAIL_CHARS)}… (${fullDetail.length} characters)`
        : fullDetail;
    const key = `${code}\u0000${detail ?? ''}`;
    if (this.seen.has(key)) {
      return;
    }
    this.seen.add(key);

    if (this.flags.length >= MAX_FLAGS) {
      this.dropped++;
      return;
    }

    this.flags.push(detail === undefined ? { code, message } : { code, message, detail });
  }

  has(code: MessageFlagCode): boolean {
    return this.flags.some((flag) => flag.code === code);
  }

  toArray(): MessageFlag[] {
    if (this.dropped === 0) {
      return [...this.flags];
    }

    return [
      ...this.flags,
      {
        code: MESSAGE_FLAG_CODES.flagsTruncated,
        message: `${this.dropped} more flags were dropped`,
      },
    ];
  }
}
