import type { TFunction } from 'i18next';

import { ApiError } from '../../api/api-error';
import { initialComposeValues, type ComposeField } from './compose-values';

/** Place of a failed send's error: under the form field the server named, or in a banner above the form. */
export type SendFailure =
  | { kind: 'field'; field: ComposeField; message: string }
  | { kind: 'banner'; title: string; message: string; rule: string | null };

function composeFieldOf(apiField: string): ComposeField | null {
  // Metadata errors name the JSON path, such as `metadata.issuedOn`.
  const name = apiField.replace(/^metadata\./, '');

  return name in initialComposeValues ? (name as ComposeField) : null;
}

/**
 * Decides where a send error goes. A 400 or 409 that names a form field is shown at that field. A
 * sending rule (422) names the rule in its field and is shown as a banner with the rule's name, except
 * the rule about recipients, which belongs to the recipient field. Saving a draft passes its own banner title.
 */
export function sendFailureOf(error: Error, t: TFunction, errorTitle: string = t('compose.errorTitle')): SendFailure {
  if (!(error instanceof ApiError)) {
    return { kind: 'banner', title: errorTitle, message: error.message, rule: null };
  }

  const field = error.field ? composeFieldOf(error.field) : null;

  if (error.code === 'rule-violation' && error.field && field !== 'recipients') {
    const rule = t(`compose.rules.${error.field}` as 'compose.rules.classified', { defaultValue: error.field });

    return { kind: 'banner', title: t('compose.ruleTitle', { rule }), message: error.message, rule: error.field };
  }

  if (field) {
    return { kind: 'field', field, message: error.message };
  }

  return { kind: 'banner', title: errorTitle, message: error.message, rule: null };
}
