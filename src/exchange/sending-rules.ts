import { z } from 'zod';
import type { AppContext } from '../platform/app-context.js';
import type { Db } from '../platform/database/connection.js';
import { AppError } from '../platform/errors.js';
import { findDocumentTypeByCode } from '../documents/document-types.js';

/** Content types a dispatch may carry, decided from the bytes (sniffContentType), with a label for messages. */
export const FILE_KINDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/tiff': 'TIFF',
  'image/gif': 'GIF',
};

/** The main document itself must be one of these: a document a register can hold. */
const MAIN_DOCUMENT_TYPES = new Set(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/msword']);

const MIB = 1024 * 1024;

export const sendingRulesSchema = z.object({
  /** Document type codes (Decree 30/2020) that may not be sent by e-mail at all. */
  typesNotByEmail: z.array(z.string().min(1).max(10)).max(100),
  /** Document type codes whose paper original, signed and sealed, must also be sent. */
  paperCopyTypes: z.array(z.string().min(1).max(10)).max(100),
  /** Content types allowed for attachments, a subset of FILE_KINDS. */
  allowedFileTypes: z.array(z.enum(Object.keys(FILE_KINDS) as [string, ...string[]])).min(1),
  /** Largest single file, in bytes. */
  maxFileBytes: z.number().int().min(1024).max(100 * MIB),
  /** Largest total of all files of one dispatch, in bytes; base64 makes the mail a third larger. */
  maxTotalBytes: z.number().int().min(1024).max(100 * MIB),
});

export type SendingRules = z.infer<typeof sendingRulesSchema>;

// Reports need the sealed paper copy for the province's archive (Decree 30/2020, Article 18.5).
export const DEFAULT_SENDING_RULES: SendingRules = {
  typesNotByEmail: [],
  paperCopyTypes: ['BC'],
  allowedFileTypes: Object.keys(FILE_KINDS),
  maxFileBytes: 20 * MIB,
  maxTotalBytes: 35 * MIB,
};

const SETTING_KEY = 'exchange.sending-rules';

export async function loadSendingRules(db: Db): Promise<SendingRules> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', SETTING_KEY).executeTakeFirst();
  if (!row) return DEFAULT_SENDING_RULES;

  return sendingRulesSchema.parse({ ...DEFAULT_SENDING_RULES, ...(JSON.parse(row.value) as object) });
}

export async function saveSendingRules(ctx: AppContext, rules: SendingRules): Promise<void> {
  const value = JSON.stringify(sendingRulesSchema.parse(rules));
  const now = ctx.clock.now().toISOString();

  await ctx.db
    .insertInto('settings')
    .values({ key: SETTING_KEY, value, updated_at: now })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}

export interface FileToCheck {
  filename: string;
  /** From the bytes, not from the name. */
  detectedType: string;
  size: number;
  role: 'document' | 'attachment';
}

/**
 * Checks a dispatch against the rules before anything is stored or numbered. Every refusal names
 * the rule and what to do instead.
 */
export function checkSendingRules(rules: SendingRules, input: { type: string; confidentiality: string; files: FileToCheck[] }): void {
  if (input.confidentiality !== 'none') {
    throw refusal(
      'classified',
      'Văn bản mang dấu độ mật không được gửi qua hệ thống thư điện tử công vụ (Luật Bảo vệ bí mật nhà nước). Hãy gửi qua mạng cô lập hoặc bằng bản giấy theo quy định.',
      'Classified documents may not be sent on an Internet-connected system (State Secrets Protection Law). Send it over the isolated network or on paper as the rules require.',
    );
  }

  if (rules.typesNotByEmail.includes(input.type)) {
    const name = findDocumentTypeByCode(input.type)?.nameVi ?? input.type;
    throw refusal(
      'type-not-by-email',
      `Quy định gửi văn bản không cho phép gửi loại "${name}" qua thư điện tử. Hãy gửi bản giấy hoặc nhờ quản trị viên sửa quy định.`,
      `The sending rules do not allow documents of type ${input.type} by e-mail. Send it on paper or ask an administrator to change the rules.`,
    );
  }

  const main = input.files.filter((file) => file.role === 'document');
  if (main.length !== 1) {
    throw refusal('one-main-document', 'Cần đúng một tệp văn bản chính (PDF hoặc DOCX).', 'Exactly one main document file (PDF or DOCX) is required.');
  }
  if (!MAIN_DOCUMENT_TYPES.has(main[0]!.detectedType)) {
    throw refusal(
      'main-document-type',
      `Tệp "${main[0]!.filename}" không phải PDF, DOCX hay DOC theo nội dung; văn bản chính phải là một trong các dạng đó.`,
      `"${main[0]!.filename}" is not a PDF, DOCX or DOC by its content; the main document must be one of these.`,
    );
  }

  let total = 0;
  for (const file of input.files) {
    total += file.size;

    if (!rules.allowedFileTypes.includes(file.detectedType)) {
      const allowed = rules.allowedFileTypes.map((type) => FILE_KINDS[type]).join(', ');
      throw refusal(
        'file-type',
        `Tệp "${file.filename}" có nội dung dạng ${file.detectedType}, không thuộc các dạng được phép gửi (${allowed}). Tệp chạy được và tập lệnh luôn bị từ chối.`,
        `"${file.filename}" contains ${file.detectedType}, which is not among the allowed types (${allowed}). Executables and scripts are always refused.`,
      );
    }
    if (file.size > rules.maxFileBytes) {
      throw refusal(
        'file-size',
        `Tệp "${file.filename}" nặng ${megabytes(file.size)} MB, quá giới hạn ${megabytes(rules.maxFileBytes)} MB mỗi tệp. Hãy nén hoặc tách tệp.`,
        `"${file.filename}" is ${megabytes(file.size)} MB, over the ${megabytes(rules.maxFileBytes)} MB limit per file. Compress or split it.`,
      );
    }
  }

  if (total > rules.maxTotalBytes) {
    throw refusal(
      'total-size',
      `Các tệp cộng lại nặng ${megabytes(total)} MB, quá giới hạn ${megabytes(rules.maxTotalBytes)} MB mỗi lần gửi. Hãy bớt tệp đính kèm hoặc gửi thành nhiều lần.`,
      `The files add up to ${megabytes(total)} MB, over the ${megabytes(rules.maxTotalBytes)} MB limit per dispatch. Remove attachments or send in parts.`,
    );
  }
}

/** Tells whether the province wants the sealed paper original of this type as well. */
export function needsPaperCopy(rules: SendingRules, type: string): boolean {
  return rules.paperCopyTypes.includes(type);
}

function refusal(rule: string, message: string, messageEn: string): AppError {
  return new AppError('rule-violation', `${message} (quy định: ${rule})`, `${messageEn} (rule: ${rule})`, rule);
}

function megabytes(bytes: number): string {
  return (bytes / MIB).toFixed(1);
}
