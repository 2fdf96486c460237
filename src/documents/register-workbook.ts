import ExcelJS from 'exceljs';

export interface RegisterSheet {
  /** Printed above the table, such as "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM 2026". */
  title: string;
  sheetName: string;
  organizationName: string;
  columns: { header: string; width: number }[];
  rows: (string | number)[][];
}

/**
 * Writes a register as a workbook that prints like the paper book: a title, the organization,
 * the columns of Decree 30/2020 Appendix IV repeated on every page, landscape A4.
 */
export async function registerWorkbook(sheetSpec: RegisterSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Công Văn';
  const sheet = workbook.addWorksheet(sheetSpec.sheetName, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = sheetSpec.columns.length;

  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).value = sheetSpec.title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value = sheetSpec.organizationName;
  sheet.getCell(2, 1).alignment = { horizontal: 'center' };

  const headerRow = sheet.getRow(4);
  sheetSpec.columns.forEach((column, index) => {
    headerRow.getCell(index + 1).value = column.header;
    sheet.getColumn(index + 1).width = column.width;
  });
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };

  for (const values of sheetSpec.rows) {
    sheet.addRow(values).alignment = { wrapText: true, vertical: 'top' };
  }

  sheet.views = [{ state: 'frozen', ySplit: 4 }];
  sheet.pageSetup.printTitlesRow = '4:4';

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** "2026-12-04" as a clerk writes it: 04/12/2026. */
export function registerDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}
