import type { Flag } from './document-item.js';

interface FlagLabel {
  vi: string;
  en: string;
  /** Whether a clerk must look at the message: such flags put it on the "Cần xử lý" list. */
  needsAttention: boolean;
}

// Labels by stable flag code. A code missing here keeps the message stored with the flag.
const FLAG_LABELS: Record<string, FlagLabel> = {
  'issuer-not-verified': { vi: 'Không xác nhận được thư do cơ quan ban hành nêu trong thư gửi', en: 'The message could not be confirmed as sent by the stated issuer', needsAttention: true },
  'sender-not-authenticated': { vi: 'Không xác thực được địa chỉ gửi (DKIM, SPF, DMARC), có thể bị giả mạo', en: 'The sending address could not be authenticated (DKIM, SPF, DMARC); it may be forged', needsAttention: true },
  'unauthenticated-receipt': { vi: 'Thư báo nhận không xác thực được người gửi, chưa cập nhật văn bản đi', en: 'A receipt whose sender could not be authenticated; no dispatch was updated', needsAttention: true },
  'unauthenticated-notice': { vi: 'Thư nhắc hoặc thu hồi không xác thực được người gửi, chưa áp dụng', en: 'A reminder or recall whose sender could not be authenticated; not applied', needsAttention: true },
  'receipt-request-ignored': { vi: 'Thư yêu cầu gửi báo nhận tới địa chỉ khác miền người gửi; sẽ không tự gửi báo nhận', en: 'The message asks for a receipt at an address outside the sender\'s domain; none will be sent automatically', needsAttention: false },
  'unmatched-receipt': { vi: 'Thư báo nhận không khớp với văn bản đi nào', en: 'A receipt that matches no dispatch', needsAttention: true },
  'unmatched-report': { vi: 'Báo cáo chuyển phát không khớp với văn bản đi nào', en: 'A delivery report that matches no dispatch', needsAttention: true },
  'parse-failed': { vi: 'Không đọc được cấu trúc thư', en: 'The message structure could not be read', needsAttention: true },
  'processing-failed': { vi: 'Xử lý thư bị lỗi', en: 'Processing the message failed', needsAttention: true },
  'parse-timeout': { vi: 'Đọc thư quá thời gian cho phép, chỉ lấy được một phần', en: 'Parsing timed out; only part of the message was read', needsAttention: true },
  'structure-too-complex': { vi: 'Thư lồng quá nhiều phần, chưa đọc hết', en: 'The message has too many nested parts; not all were read', needsAttention: true },
  'not-recognised': { vi: 'Chưa nhận dạng được văn bản', en: 'The document was not recognised', needsAttention: true },
  'no-text': { vi: 'Tệp không có nội dung chữ', en: 'The file has no text', needsAttention: true },
  'needs-ocr': { vi: 'Bản quét, cần nhận dạng ký tự (OCR)', en: 'Scanned file; needs OCR', needsAttention: true },
  encrypted: { vi: 'Tệp được mã hóa, không đọc được nội dung', en: 'The file is encrypted; its text cannot be read', needsAttention: true },
  broken: { vi: 'Tệp bị hỏng', en: 'The file is damaged', needsAttention: true },
  'too-large': { vi: 'Tệp quá lớn để đọc nội dung', en: 'The file is too large to read', needsAttention: true },
  timeout: { vi: 'Đọc nội dung tệp quá thời gian cho phép', en: 'Reading the file timed out', needsAttention: true },
  classified: { vi: 'Văn bản mang dấu độ mật, không được chuyển qua hệ thống', en: 'Classified document; it may not travel through this system', needsAttention: true },
  'unsupported-format': { vi: 'Chưa đọc được định dạng tệp này', en: 'This file format cannot be read yet', needsAttention: true },
  'charset-unknown': { vi: 'Bảng mã không xác định, nội dung có thể sai chữ', en: 'Unknown charset; the text may be garbled', needsAttention: true },
  'charset-mismatch': { vi: 'Nội dung có ký tự sai bảng mã', en: 'Some bytes do not match the declared charset', needsAttention: true },
  'base64-invalid': { vi: 'Phần đính kèm mã hóa base64 bị hỏng', en: 'A base64 part is damaged', needsAttention: true },
  'quoted-printable-invalid': { vi: 'Phần mã hóa quoted-printable bị hỏng', en: 'A quoted-printable part is damaged', needsAttention: true },
  'boundary-missing': { vi: 'Thư thiếu ranh giới giữa các phần, có thể bị cắt', en: 'A MIME boundary is missing; the message may be cut off', needsAttention: true },
  'transfer-encoding-unknown': { vi: 'Kiểu mã hóa truyền tải không xác định', en: 'Unknown transfer encoding', needsAttention: true },
  'message-encrypted': { vi: 'Thư được mã hóa, không đọc được', en: 'The message is encrypted', needsAttention: true },
  'message-id-reused': { vi: 'Trùng Message-ID với thư khác có nội dung khác', en: 'Same Message-ID as an earlier message with different content', needsAttention: true },
  'winmail-dat': { vi: 'Có tệp winmail.dat của Outlook', en: 'Contains an Outlook winmail.dat', needsAttention: true },
  'signature-invalid': { vi: 'Chữ ký S/MIME hoặc PGP không hợp lệ', en: 'The S/MIME or PGP signature is malformed', needsAttention: true },
  'type-notation-mismatch': { vi: 'Loại văn bản không khớp ký hiệu', en: 'The document type does not match the notation', needsAttention: true },
  'invalid-date': { vi: 'Ngày ban hành không hợp lệ', en: 'The issue date is invalid', needsAttention: true },
  'executable-attachment': { vi: 'Có tệp đính kèm là chương trình chạy được', en: 'An attachment is an executable program', needsAttention: true },
  'type-mismatch': { vi: 'Nội dung tệp không đúng với phần mở rộng của tên tệp', en: 'A file’s content does not match its name’s extension', needsAttention: true },
  duplicate: { vi: 'Thư đã nhận trước đó, không đăng ký lại', en: 'Already received; not registered again', needsAttention: false },
  'duplicate-attachment': { vi: 'Có tệp đính kèm trùng nhau, chỉ đăng ký một lần', en: 'Identical attachments were registered once', needsAttention: false },
  'charset-missing': { vi: 'Thư không khai báo bảng mã, đã tự nhận biết', en: 'No charset declared; it was detected', needsAttention: false },
  'charset-relabelled': { vi: 'Bảng mã khai báo sai, đã đọc theo bảng mã đúng', en: 'Mislabelled charset; decoded with the right one', needsAttention: false },
  'header-8bit': { vi: 'Tiêu đề thư chứa byte 8 bit, đã đoán bảng mã', en: 'Raw 8-bit bytes in a header; the charset was guessed', needsAttention: false },
  'header-malformed': { vi: 'Có dòng tiêu đề thư sai định dạng', en: 'A malformed header line', needsAttention: false },
  'header-too-large': { vi: 'Phần tiêu đề thư quá lớn', en: 'The header section is very large', needsAttention: false },
  'line-too-long': { vi: 'Có dòng dài quá 998 ký tự', en: 'A line longer than 998 characters', needsAttention: false },
  'message-id-missing': { vi: 'Thư không có Message-ID', en: 'No Message-ID', needsAttention: false },
  'date-invalid': { vi: 'Ngày gửi thư không hợp lệ', en: 'Invalid Date header', needsAttention: false },
  'winmail-dat-unpacked': { vi: 'Đã tách tệp đính kèm từ winmail.dat', en: 'Files were unpacked from winmail.dat', needsAttention: false },
  'signature-unverified': { vi: 'Có chữ ký S/MIME hoặc PGP, chưa kiểm tra', en: 'Signed with S/MIME or PGP; not verified', needsAttention: false },
  'html-sanitised': { vi: 'Đã loại bỏ nội dung HTML không an toàn', en: 'Unsafe HTML content was removed', needsAttention: false },
  'html-truncated': { vi: 'Nội dung HTML quá lớn, đã cắt bớt', en: 'The HTML body was truncated', needsAttention: false },
  'no-attachment': { vi: 'Thư không có văn bản đính kèm', en: 'No document attached', needsAttention: false },
  'issuer-not-in-directory': { vi: 'Cơ quan ban hành không có trong danh bạ', en: 'The issuer is not in the directory', needsAttention: false },
  'issuer-ambiguous': { vi: 'Cơ quan ban hành khớp nhiều đơn vị trong danh bạ', en: 'The issuer matches several organizations', needsAttention: false },
  'meeting-not-recognised': { vi: 'Chưa nhận dạng được thời gian, địa điểm họp', en: 'Meeting time or place not recognised', needsAttention: false },
  'circulation-note': { vi: 'Có ghi chú lưu hành (ví dụ: Lưu hành nội bộ)', en: 'Carries a circulation note', needsAttention: false },
  truncated: { vi: 'Chỉ đọc một phần nội dung tệp', en: 'Only part of the file was read', needsAttention: false },
  'flags-truncated': { vi: 'Quá nhiều cảnh báo, đã lược bớt', en: 'Too many flags; some were dropped', needsAttention: false },
};

/** Flags with their message in the reader's language; the stored message stays as the detail. */
export function localizeFlags(flags: Flag[], locale: 'vi' | 'en'): Flag[] {
  return flags.map((flag) => {
    const label = FLAG_LABELS[flag.code];
    if (!label) return flag;
    return { ...flag, message: label[locale] };
  });
}

export function needsAttention(flag: Flag): boolean {
  return FLAG_LABELS[flag.code]?.needsAttention ?? true;
}
