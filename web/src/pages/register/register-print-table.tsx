import { useTranslation } from 'react-i18next';

import type { IncomingRegister } from '../../api/types';
import { formatCalendarDate, formatDateTime } from '../../format/date-time';
import { formatNumberNotation } from '../../format/number-notation';
import { typeAndSubject } from './register-columns';

/**
 * The whole year's register as a plain table, shown only when printing: the screen table is paged,
 * and a printed register must list every entry with all its columns. Ngày chuyển and Ký nhận stay
 * empty for the receiver to fill in by hand.
 */
export function RegisterPrintTable({ register }: { register: IncomingRegister }) {
  const { t } = useTranslation();

  return (
    <section className="register-print" aria-hidden="true">
      <header className="register-print-header">
        <div className="register-print-organization">{register.organization.name}</div>
        <h1>{t('register.printTitle')}</h1>
        <div>{t('register.printYear', { year: register.year })}</div>
      </header>
      <table>
        <colgroup>
          <col style={{ width: '9%' }} />
          <col style={{ width: '5%' }} />
          <col style={{ width: '13%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '8%' }} />
          <col style={{ width: '25%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '7%' }} />
          <col style={{ width: '7%' }} />
          <col style={{ width: '6%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>{t('register.columns.receivedAt')}</th>
            <th>{t('register.columns.registerNumber')}</th>
            <th>{t('register.columns.issuer')}</th>
            <th>{t('register.columns.numberNotation')}</th>
            <th>{t('register.columns.issuedOn')}</th>
            <th>{t('register.columns.typeAndSubject')}</th>
            <th>{t('register.columns.recipient')}</th>
            <th>{t('register.columns.transferredOn')}</th>
            <th>{t('register.columns.signature')}</th>
            <th>{t('register.columns.note')}</th>
          </tr>
        </thead>
        <tbody>
          {register.entries.map((entry) => (
            <tr key={entry.registerNumber}>
              <td>{formatDateTime(entry.receivedAt)}</td>
              <td className="register-print-number">{entry.registerNumber}</td>
              <td>{entry.issuer}</td>
              <td>{formatNumberNotation(entry.number, entry.notation)}</td>
              <td>{formatCalendarDate(entry.issuedOn)}</td>
              <td>{typeAndSubject(entry)}</td>
              <td>{entry.recipient}</td>
              <td />
              <td />
              <td>{entry.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
