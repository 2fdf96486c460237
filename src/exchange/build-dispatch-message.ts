import MailComposer from 'nodemailer/lib/mail-composer';
import { findDocumentTypeByCode } from '../documents/document-types.js';
import { DISPATCH_PART_NAME, DISPATCH_PART_TYPE, type DispatchMetadata, type DispatchPart } from './dispatch-metadata.js';

export interface DispatchMessageInput {
  dispatchId: string;
  /** Message-ID without angle brackets. */
  messageId: string;
  from: { name: string; address: string; organizationCode: string };
  to: { name: string; address: string }[];
  metadata: DispatchMetadata;
  files: { filename: string; contentType: string; content: Buffer; role: 'document' | 'attachment' }[];
  sentAt: Date;
  needsPaperCopy: boolean;
}

const URGENCY_VI: Record<DispatchMetadata['urgency'], string> = {
  normal: '',
  urgent: 'KHẨN',
  'very-urgent': 'THƯỢNG KHẨN',
  flash: 'HỎA TỐC',
};

/**
 * Builds the one MIME message of a dispatch: a Vietnamese cover text, the document and its
 * attachments unchanged, and a machine-readable part with the metadata so that another Công Văn
 * registers it exactly. It requests a disposition notification (RFC 8098), which Công Văn
 * sends when a clerk accepts or rejects the document.
 */
export async function buildDispatchMessage(input: DispatchMessageInput): Promise<Buffer> {
  const { metadata } = input;
  const part: DispatchPart = {
    format: 'congvan-dispatch',
    version: 1,
    dispatchId: input.dispatchId,
    issuer: { code: input.from.organizationCode, name: input.from.name },
    documentFile: input.files.find((file) => file.role === 'document')!.filename,
    sentAt: input.sentAt.toISOString(),
    metadata,
  };

  const composer = new MailComposer({
    from: { name: input.from.name, address: input.from.address },
    to: input.to.map((recipient) => ({ name: recipient.name, address: recipient.address })),
    subject: dispatchSubject(metadata),
    messageId: `<${input.messageId}>`,
    date: input.sentAt,
    text: coverText(input),
    headers: {
      'Disposition-Notification-To': input.from.address,
      'X-CongVan-Dispatch': input.dispatchId,
      ...(metadata.urgency === 'normal' ? {} : { Priority: 'urgent', Importance: 'high' }),
    },
    attachments: [
      ...input.files.map((file) => ({ filename: file.filename, contentType: file.contentType, content: file.content })),
      { filename: DISPATCH_PART_NAME, contentType: DISPATCH_PART_TYPE, content: Buffer.from(JSON.stringify(part, null, 2), 'utf8') },
    ],
    xMailer: 'Cong Van',
  });

  return composer.compile().build();
}

/** "Công văn số 12/UBND-VP: V/v …", the subject a clerk recognises in any mail client. */
export function dispatchSubject(metadata: DispatchMetadata): string {
  const typeName = findDocumentTypeByCode(metadata.type)?.nameVi ?? 'Văn bản';
  const numbering = [metadata.number, metadata.notation].filter(Boolean).join('/');
  const urgency = URGENCY_VI[metadata.urgency];

  return `${urgency ? `[${urgency}] ` : ''}${typeName}${numbering ? ` số ${numbering}` : ''}: ${metadata.subject}`;
}

function coverText(input: DispatchMessageInput): string {
  const { metadata } = input;
  const typeName = findDocumentTypeByCode(metadata.type)?.nameVi ?? 'Văn bản';
  const lines = [
    `${input.from.name} gửi ${typeName.toLowerCase()}:`,
    '',
    `Số, ký hiệu: ${[metadata.number, metadata.notation].filter(Boolean).join('/') || '(chưa có)'}`,
    `Ngày văn bản: ${metadata.issuedOn ? vietnameseDate(metadata.issuedOn) : '(chưa có)'}`,
    `Trích yếu: ${metadata.subject}`,
    ...(metadata.signer ? [`Người ký: ${[metadata.signerPosition, metadata.signer].filter(Boolean).join(' ')}`] : []),
    ...(URGENCY_VI[metadata.urgency] ? [`Độ khẩn: ${URGENCY_VI[metadata.urgency]}`] : []),
    ...(metadata.dueOn ? [`Hạn xử lý: ${vietnameseDate(metadata.dueOn)}`] : []),
    ...(input.needsPaperCopy ? ['', 'Bản giấy có chữ ký, đóng dấu sẽ được gửi theo đường văn thư để lưu trữ.'] : []),
    '',
    'Văn bản đính kèm thư này. Đề nghị văn thư tiếp nhận và báo nhận trong ngày.',
    '',
    '--',
    'Thư gửi từ hệ thống Công Văn; tệp congvan-dispatch.json chứa thông tin văn bản cho máy đọc.',
  ];

  return `${lines.join('\n')}\n`;
}

function vietnameseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}
