import ExcelJS from 'exceljs';
import { vietnamDate } from '../platform/vietnam-time.js';
import type { IncomingRegister } from './incoming-register.js';

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
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Công Văn';
  const sheet = workbook.addWorksheet(`Sổ đến ${register.year}`, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });

  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.getCell(1, 1).value = `SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM ${register.year}`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, COLUMNS.length);
  sheet.getCell(2, 1).value = register.organization.name;
  sheet.getCell(2, 1).alignment = { horizontal: 'center' };

  const headerRow = sheet.getRow(4);
  COLUMNS.forEach((column, index) => {
    headerRow.getCell(index + 1).value = column.header;
    sheet.getColumn(index + 1).width = column.width;
  });
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };

  for (const entry of register.entries) {
    const numberAndNotation = [entry.number, entry.notation].filter(Boolean).join('/');
    const row = sheet.addRow([
      formatDate(vietnamDate(new Date(entry.receivedAt))),
      entry.registerNumber,
      entry.issuer ?? '',
      numberAndNotation,
      entry.issuedOn ? formatDate(entry.issuedOn) : '',
      [entry.typeName, entry.subject].filter(Boolean).join(': '),
      entry.recipient,
      '',
      '',
      entry.note,
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }

  sheet.views = [{ state: 'frozen', ySplit: 4 }];
  sheet.pageSetup.printTitlesRow = '4:4';

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}
