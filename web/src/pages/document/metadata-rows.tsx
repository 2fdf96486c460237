import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';

import type { Confidentiality, Urgency } from '../../api/types';
import { UrgencyTag } from '../../components/urgency-tag';
import { formatCalendarDate } from '../../format/date-time';
import { formatNumberNotation } from '../../format/number-notation';
import type { MetadataField, MetadataValues } from './metadata-values';

/** One line of the metadata panel, shown from one or more metadata fields. */
export interface MetadataRow {
  key: string;
  label: string;
  fields: MetadataField[];
  /** Plain text, also used to show the recognised value of a corrected row. */
  text: (values: MetadataValues) => string | null;
  /** Richer display of the current value, when plain text is not enough. */
  render?: (values: MetadataValues) => ReactNode;
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }

  return String(value);
}

/** Lists the rows of the metadata panel after Số đến and Ngày đến, in the order of the incoming register. */
export function metadataRows(t: TFunction, typeName: (code: string) => string): MetadataRow[] {
  return [
    {
      key: 'type',
      label: t('document.fields.type'),
      fields: ['type'],
      text: (values) => {
        const code = asText(values.type);

        return code === null ? null : typeName(code);
      },
    },
    {
      key: 'numberNotation',
      label: t('document.fields.numberNotation'),
      fields: ['number', 'notation'],
      text: (values) => formatNumberNotation(asText(values.number), asText(values.notation)),
    },
    {
      key: 'issuedOn',
      label: t('document.fields.issuedOn'),
      fields: ['issuedOn'],
      text: (values) => formatCalendarDate(asText(values.issuedOn)),
    },
    { key: 'place', label: t('document.fields.place'), fields: ['place'], text: (values) => asText(values.place) },
    { key: 'issuer', label: t('document.fields.issuer'), fields: ['issuer'], text: (values) => asText(values.issuer) },
    {
      key: 'subject',
      label: t('document.fields.subject'),
      fields: ['subject'],
      text: (values) => asText(values.subject),
    },
    { key: 'signer', label: t('document.fields.signer'), fields: ['signer'], text: (values) => asText(values.signer) },
    {
      key: 'signerPosition',
      label: t('document.fields.signerPosition'),
      fields: ['signerPosition'],
      text: (values) => asText(values.signerPosition),
    },
    {
      key: 'urgency',
      label: t('document.fields.urgency'),
      fields: ['urgency'],
      text: (values) => {
        const urgency = asText(values.urgency);

        return urgency === null ? null : t(`urgency.${urgency as Urgency}`, { defaultValue: urgency });
      },
      render: (values) => <UrgencyTag urgency={values.urgency as Urgency} />,
    },
    {
      key: 'confidentiality',
      label: t('document.fields.confidentiality'),
      fields: ['confidentiality'],
      text: (values) => {
        const level = asText(values.confidentiality);

        return level === null ? null : t(`confidentiality.${level as Confidentiality}`, { defaultValue: level });
      },
    },
  ];
}
