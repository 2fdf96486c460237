import { MESSAGE_FLAG_CODES, type MessageFlag, type MessageFlagCode } from './types.js';

// A hostile message can raise the same problem in every one of thousands of parts.
const MAX_FLAGS = 100;

/** Flags of one parse, without repeats of the same code and detail. */
export class FlagList {
  private readonly flags: MessageFlag[] = [];
  private readonly seen = new Set<string>();
  private dropped = 0;

  add(code: MessageFlagCode, message: string, detail?: string): void {
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
