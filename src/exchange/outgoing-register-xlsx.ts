import { vietnamDate } from '../platform/vietnam-time.js';
import { registerDate, registerWorkbook } from '../documents/register-workbook.js';
import type { OutgoingRegister } from './outgoing-register.js';

// The columns of the outgoing register in Decree 30/2020, Appendix IV.
const COLUMNS = [
  { header: 'Số, ký hiệu', width: 18 },
  { header: 'Ngày tháng văn bản', width: 12 },
  { header: 'Tên loại và trích yếu nội dung', width: 55 },
  { header: 'Người ký', width: 22 },
  { header: 'Nơi nhận', width: 40 },
  { header: 'Đơn vị, người nhận bản lưu', width: 18 },
  { header: 'Số lượng bản', width: 9 },
  { header: 'Ngày chuyển', width: 12 },
  { header: 'Ký nhận', width: 12 },
  { header: 'Ghi chú', width: 20 },
];

export async function outgoingRegisterXlsx(register: OutgoingRegister): Promise<Buffer> {
  return registerWorkbook({
    title: `SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM ${register.year}`,
    sheetName: `Sổ đi ${register.year}`,
    organizationName: register.organization.name,
    columns: COLUMNS,
    rows: register.entries.map((entry) => [
      [entry.number, entry.notation].filter(Boolean).join('/'),
      entry.issuedOn ? registerDate(entry.issuedOn) : '',
      [entry.typeName, entry.subject].filter(Boolean).join(': '),
      entry.signer ?? '',
      entry.recipients.join('; '),
      '',
      entry.recipients.length,
      registerDate(vietnamDate(new Date(entry.sentAt))),
      '',
      entry.note,
    ]),
  });
}
