import { Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';

import type { OutgoingRegisterEntry } from '../../api/types';
import { TextOrDash } from '../../components/text-or-dash';
import { formatCalendarDate, formatDateOfTimestamp } from '../../format/date-time';
import { formatNumberNotation } from '../../format/number-notation';
import { dispatchPath } from '../dispatch/dispatch-path';
import type { PrintColumn } from '../register/register-print-table';
import { typeAndSubject } from '../register/register-columns';

/** Joins the recipients' names for the register's Nơi nhận. */
function recipientList(entry: OutgoingRegisterEntry): string {
  return entry.recipients.join('; ');
}

/**
 * Lists the columns of the outgoing register (Decree 30/2020/NĐ-CP, Appendix IV) in the decree's order.
 * Số lượng bản counts the recipients' copies and Ngày chuyển is the day it was sent. The screen leaves
 * out Đơn vị, người nhận bản lưu and Ký nhận, which are written by hand on the printed register.
 */
export function outgoingRegisterColumns(t: TFunction): TableColumnsType<OutgoingRegisterEntry> {
  return [
    {
      key: 'numberNotation',
      title: t('outgoingRegister.columns.numberNotation'),
      width: 110,
      render: (_, entry) => (
        <Link to={dispatchPath(entry.dispatchId)} data-testid="outgoing-register-number">
          {formatNumberNotation(entry.number, entry.notation) ?? entry.registerNumber}
        </Link>
      ),
    },
    {
      key: 'issuedOn',
      title: t('outgoingRegister.columns.issuedOn'),
      width: 95,
      render: (_, entry) => <TextOrDash value={formatCalendarDate(entry.issuedOn)} />,
    },
    { key: 'typeAndSubject', title: t('outgoingRegister.columns.typeAndSubject'), render: (_, entry) => typeAndSubject(entry) },
    { key: 'signer', title: t('outgoingRegister.columns.signer'), width: 140, render: (_, entry) => <TextOrDash value={entry.signer} /> },
    {
      key: 'recipients',
      title: t('outgoingRegister.columns.recipients'),
      width: 200,
      render: (_, entry) => (
        <Typography.Paragraph className="outgoing-register-recipients" ellipsis={{ rows: 3, expandable: 'collapsible' }} data-testid="outgoing-register-recipients">
          {recipientList(entry)}
        </Typography.Paragraph>
      ),
    },
    { key: 'copies', title: t('outgoingRegister.columns.copies'), width: 65, align: 'right', render: (_, entry) => entry.recipients.length },
    { key: 'sentOn', title: t('outgoingRegister.columns.sentOn'), width: 95, render: (_, entry) => formatDateOfTimestamp(entry.sentAt) },
    { key: 'note', title: t('outgoingRegister.columns.note'), width: 110, render: (_, entry) => entry.note },
  ];
}

/** Lists every column of the printed outgoing register, with the columns kept by hand left empty. */
export function outgoingRegisterPrintColumns(t: TFunction): PrintColumn<OutgoingRegisterEntry>[] {
  return [
    { key: 'numberNotation', title: t('outgoingRegister.columns.numberNotation'), width: '10%', render: (entry) => formatNumberNotation(entry.number, entry.notation) },
    { key: 'issuedOn', title: t('outgoingRegister.columns.issuedOn'), width: '8%', render: (entry) => formatCalendarDate(entry.issuedOn) },
    { key: 'typeAndSubject', title: t('outgoingRegister.columns.typeAndSubject'), width: '24%', render: typeAndSubject },
    { key: 'signer', title: t('outgoingRegister.columns.signer'), width: '11%', render: (entry) => entry.signer },
    { key: 'recipients', title: t('outgoingRegister.columns.recipients'), width: '17%', render: recipientList },
    { key: 'archiveCopy', title: t('outgoingRegister.columns.archiveCopy'), width: '8%' },
    { key: 'copies', title: t('outgoingRegister.columns.copies'), width: '5%', numeric: true, render: (entry) => entry.recipients.length },
    { key: 'sentOn', title: t('outgoingRegister.columns.sentOn'), width: '7%', render: (entry) => formatDateOfTimestamp(entry.sentAt) },
    { key: 'signature', title: t('outgoingRegister.columns.signature'), width: '5%' },
    { key: 'note', title: t('outgoingRegister.columns.note'), width: '5%', render: (entry) => entry.note },
  ];
}
