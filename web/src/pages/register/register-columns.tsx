import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';

import type { RegisterEntry } from '../../api/types';
import { formatCalendarDate, formatDateTime } from '../../format/date-time';
import { formatNumberNotation } from '../../format/number-notation';
import type { PrintColumn } from './register-print-table';

/** Joins type name and subject for the register's "Tên loại và trích yếu nội dung": "Giấy mời: Họp giao ban". */
export function typeAndSubject(entry: { typeName: string; subject: string | null }): string {
  return [entry.typeName, entry.subject].filter(Boolean).join(': ');
}

/**
 * Lists the columns of the incoming register (Decree 30/2020/NĐ-CP, Appendix IV) in the decree's order.
 * The screen leaves out Ngày chuyển and Ký nhận, which are written by hand on the printed register.
 */
export function registerColumns(t: TFunction): TableColumnsType<RegisterEntry> {
  return [
    {
      key: 'receivedAt',
      title: t('register.columns.receivedAt'),
      width: 130,
      render: (_, entry) => formatDateTime(entry.receivedAt),
    },
    {
      key: 'registerNumber',
      title: t('register.columns.registerNumber'),
      width: 70,
      align: 'right',
      render: (_, entry) => <Link to={`/documents/${encodeURIComponent(entry.documentId)}`}>{entry.registerNumber}</Link>,
    },
    { key: 'issuer', title: t('register.columns.issuer'), width: 160, render: (_, entry) => entry.issuer },
    {
      key: 'numberNotation',
      title: t('register.columns.numberNotation'),
      width: 120,
      render: (_, entry) => formatNumberNotation(entry.number, entry.notation),
    },
    {
      key: 'issuedOn',
      title: t('register.columns.issuedOn'),
      width: 100,
      render: (_, entry) => formatCalendarDate(entry.issuedOn),
    },
    { key: 'typeAndSubject', title: t('register.columns.typeAndSubject'), render: (_, entry) => typeAndSubject(entry) },
    { key: 'recipient', title: t('register.columns.recipient'), width: 130, render: (_, entry) => entry.recipient },
    { key: 'note', title: t('register.columns.note'), width: 110, render: (_, entry) => entry.note },
  ];
}

/** Lists every column of the printed incoming register, with Ngày chuyển and Ký nhận left empty for the receiver. */
export function registerPrintColumns(t: TFunction): PrintColumn<RegisterEntry>[] {
  return [
    { key: 'receivedAt', title: t('register.columns.receivedAt'), width: '9%', render: (entry) => formatDateTime(entry.receivedAt) },
    { key: 'registerNumber', title: t('register.columns.registerNumber'), width: '5%', numeric: true, render: (entry) => entry.registerNumber },
    { key: 'issuer', title: t('register.columns.issuer'), width: '13%', render: (entry) => entry.issuer },
    { key: 'numberNotation', title: t('register.columns.numberNotation'), width: '10%', render: (entry) => formatNumberNotation(entry.number, entry.notation) },
    { key: 'issuedOn', title: t('register.columns.issuedOn'), width: '8%', render: (entry) => formatCalendarDate(entry.issuedOn) },
    { key: 'typeAndSubject', title: t('register.columns.typeAndSubject'), width: '25%', render: typeAndSubject },
    { key: 'recipient', title: t('register.columns.recipient'), width: '10%', render: (entry) => entry.recipient },
    { key: 'transferredOn', title: t('register.columns.transferredOn'), width: '7%' },
    { key: 'signature', title: t('register.columns.signature'), width: '7%' },
    { key: 'note', title: t('register.columns.note'), width: '6%', render: (entry) => entry.note },
  ];
}
