import { vietnamDate } from '../platform/vietnam-time.js';
import type { IncomingRegister } from './incoming-register.js';
import { registerDate, registerWorkbook } from './register-workbook.js';

// The columns of the incoming register in Decree 30/2020, Appendix IV.
const COLUMNS = [
  { header: 'Ngày đến', width: 12 },
  { header: 'Số đến', width: 8 },
  { header: 'Tác giả', width: 30 },
  { header: 'Số, ký hiệu', width: 18 },
  { header: 'Ngày tháng văn bản', width: 12 },
  { header: 'Tên loại và trích yếu nội dung', width: 60 },
  { header: 'Đơn vị hoặc người nhận', width: 25 },
  { header: 'Ngày chuyển', width: 12 },
  { header: 'Ký nhận', width: 12 },
  { header: 'Ghi chú', width: 20 },
];

export async function incomingRegisterXlsx(register: IncomingRegister): Promise<Buffer> {
  return registerWorkbook({
    title: `SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM ${register.year}`,
    sheetName: `Sổ đến ${register.year}`,
    organizationName: register.organization.name,
    columns: COLUMNS,
    rows: register.entries.map((entry) => [
      registerDate(vietnamDate(new Date(entry.receivedAt))),
      entry.registerNumber,
      entry.issuer ?? '',
      [entry.number, entry.notation].filter(Boolean).join('/'),
      entry.issuedOn ? registerDate(entry.issuedOn) : '',
      [entry.typeName, entry.subject].filter(Boolean).join(': '),
      entry.recipient,
      '',
      '',
      entry.note,
    ]),
  });
}
