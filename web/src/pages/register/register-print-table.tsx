import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface PrintColumn<Entry> {
  key: string;
  title: string;
  /** Share of the page width, such as `9%`. */
  width: string;
  /** Right-aligns the column, as for entry numbers. */
  numeric?: boolean;
  /** Left out for a column filled in by hand on paper, such as Ký nhận. */
  render?: (entry: Entry) => ReactNode;
}

interface RegisterPrintTableProps<Entry> {
  organizationName: string;
  /** Heading in capitals, such as "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN". */
  title: string;
  year: number;
  columns: PrintColumn<Entry>[];
  entries: Entry[];
  rowKey: (entry: Entry) => string | number;
}

/**
 * The whole year's register as a plain table, shown only when printing: the screen table is paged,
 * and a printed register must list every entry with all the columns of Decree 30/2020, Appendix IV.
 */
export function RegisterPrintTable<Entry>({ organizationName, title, year, columns, entries, rowKey }: RegisterPrintTableProps<Entry>) {
  const { t } = useTranslation();

  return (
    <section className="register-print" aria-hidden="true">
      <header className="register-print-header">
        <div className="register-print-organization">{organizationName}</div>
        <h1>{title}</h1>
        <div>{t('register.printYear', { year })}</div>
      </header>
      <table>
        <colgroup>
          {columns.map((column) => (
            <col key={column.key} style={{ width: column.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key}>{column.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={rowKey(entry)}>
              {columns.map((column) => (
                <td key={column.key} className={column.numeric ? 'register-print-number' : undefined}>
                  {column.render?.(entry)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
