import { foldText } from '../platform/text-fold.js';

/**
 * Where a type code comes from: `decree` codes are listed in Decree 30/2020/NĐ-CP Appendix III,
 * `system` codes are ours for types the decree names without a code (công văn, thư công) or
 * does not list (giấy triệu tập), and `unconfirmed` codes are in use but not confirmed against
 * the decree text.
 */
export type DocumentTypeCodeSource = 'decree' | 'system' | 'unconfirmed';

export type DocumentType = {
  /** Code as used in notations, with its mixed case ("QĐ", "QyĐ", "CTr"). */
  code: string;
  /** Titles as printed in capitals on the document; empty for công văn, which has no title. */
  titles: readonly string[];
  nameVi: string;
  nameEn: string;
  codeSource: DocumentTypeCodeSource;
  /** Whether documents of this type announce a meeting (time and place). */
  carriesMeeting: boolean;
};

function documentType(
  code: string,
  titles: readonly string[],
  nameVi: string,
  nameEn: string,
  options: { codeSource?: DocumentTypeCodeSource; carriesMeeting?: boolean } = {},
): DocumentType {
  return {
    code,
    titles,
    nameVi,
    nameEn,
    codeSource: options.codeSource ?? 'decree',
    carriesMeeting: options.carriesMeeting ?? false,
  };
}

/**
 * The 29 administrative document types of Decree 30/2020/NĐ-CP Article 7 with their Appendix III
 * codes, the summons (giấy triệu tập) issued in practice, and the three kinds of copy.
 */
export const DOCUMENT_TYPES: readonly DocumentType[] = [
  documentType('NQ', ['NGHỊ QUYẾT'], 'Nghị quyết', 'Resolution'),
  documentType('QĐ', ['QUYẾT ĐỊNH'], 'Quyết định', 'Decision'),
  documentType('CT', ['CHỈ THỊ'], 'Chỉ thị', 'Directive'),
  documentType('QC', ['QUY CHẾ'], 'Quy chế', 'Rules'),
  documentType('QyĐ', ['QUY ĐỊNH'], 'Quy định', 'Regulation'),
  documentType('TC', ['THÔNG CÁO'], 'Thông cáo', 'Communiqué'),
  documentType('TB', ['THÔNG BÁO'], 'Thông báo', 'Notice'),
  documentType('HD', ['HƯỚNG DẪN'], 'Hướng dẫn', 'Guidance'),
  documentType('CTr', ['CHƯƠNG TRÌNH'], 'Chương trình', 'Programme'),
  documentType('KH', ['KẾ HOẠCH'], 'Kế hoạch', 'Plan'),
  documentType('PA', ['PHƯƠNG ÁN'], 'Phương án', 'Scheme'),
  documentType('ĐA', ['ĐỀ ÁN'], 'Đề án', 'Proposal'),
  documentType('DA', ['DỰ ÁN'], 'Dự án', 'Project'),
  documentType('BC', ['BÁO CÁO'], 'Báo cáo', 'Report'),
  documentType('BB', ['BIÊN BẢN'], 'Biên bản', 'Minutes'),
  documentType('TTr', ['TỜ TRÌNH'], 'Tờ trình', 'Submission'),
  documentType('HĐ', ['HỢP ĐỒNG'], 'Hợp đồng', 'Contract'),
  documentType('CV', [], 'Công văn', 'Official letter', { codeSource: 'system' }),
  documentType('CĐ', ['CÔNG ĐIỆN'], 'Công điện', 'Official dispatch'),
  documentType('BGN', ['BẢN GHI NHỚ'], 'Bản ghi nhớ', 'Memorandum of understanding', { codeSource: 'unconfirmed' }),
  documentType('BTT', ['BẢN THỎA THUẬN'], 'Bản thỏa thuận', 'Agreement', { codeSource: 'unconfirmed' }),
  documentType('GUQ', ['GIẤY ỦY QUYỀN'], 'Giấy ủy quyền', 'Letter of authorisation'),
  documentType('GM', ['GIẤY MỜI', 'THƯ MỜI'], 'Giấy mời', 'Invitation', { carriesMeeting: true }),
  documentType('GGT', ['GIẤY GIỚI THIỆU'], 'Giấy giới thiệu', 'Letter of introduction'),
  documentType('GNP', ['GIẤY NGHỈ PHÉP'], 'Giấy nghỉ phép', 'Leave permit'),
  documentType('PG', ['PHIẾU GỬI'], 'Phiếu gửi', 'Transmittal slip'),
  documentType('PC', ['PHIẾU CHUYỂN'], 'Phiếu chuyển', 'Forwarding slip'),
  documentType('PB', ['PHIẾU BÁO'], 'Phiếu báo', 'Notification slip'),
  documentType(
    'THU',
    ['THƯ CÔNG', 'THƯ CHÚC MỪNG', 'THƯ CẢM ƠN', 'THƯ THĂM HỎI', 'THƯ CHIA BUỒN', 'THƯ KHEN'],
    'Thư công',
    'Public letter',
    { codeSource: 'system' },
  ),
  documentType('GTT', ['GIẤY TRIỆU TẬP'], 'Giấy triệu tập', 'Summons', {
    codeSource: 'system',
    carriesMeeting: true,
  }),
  documentType('SY', ['SAO Y', 'SAO Y BẢN CHÍNH', 'BẢN SAO Y'], 'Bản sao y', 'True copy'),
  documentType('TrS', ['TRÍCH SAO', 'BẢN TRÍCH SAO'], 'Bản trích sao', 'Extract copy'),
  documentType('SL', ['SAO LỤC', 'BẢN SAO LỤC'], 'Bản sao lục', 'Copy of a copy'),
];

const typesByCode = new Map(DOCUMENT_TYPES.map((type) => [type.code, type]));

const typesByFoldedTitle = new Map(
  DOCUMENT_TYPES.flatMap((type) => type.titles.map((title) => [foldText(title), type] as const)),
);

/** Finds a type by its exact code; codes differ only in case ("CT" chỉ thị, "CTr" chương trình). */
export function findDocumentTypeByCode(code: string): DocumentType | undefined {
  return typesByCode.get(code.normalize('NFC'));
}

/**
 * Finds the type whose title is the whole line, compared folded, so that "Giấy mời", "GIAY MOI"
 * and "GIẤY MỜI" all give GM. Surrounding spaces and trailing punctuation are ignored.
 */
export function findDocumentTypeByTitle(line: string): DocumentType | undefined {
  const folded = foldText(line).replace(/[\s.:;,]+$/u, '');

  return typesByFoldedTitle.get(folded);
}
