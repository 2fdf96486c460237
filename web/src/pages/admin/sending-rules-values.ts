import type { SendingRules } from '../../api/dispatch-types';

// The server counts sizes in bytes, and the form in MB of 1024 × 1024 bytes as `formatFileSize` shows them.
const bytesPerMegabyte = 1024 * 1024;

export interface SendingRulesFormValues {
  typesNotByEmail: string[];
  paperCopyTypes: string[];
  allowedFileTypes: string[];
  maxFileMegabytes: number;
  maxTotalMegabytes: number;
}

export type SendingRulesField = keyof SendingRulesFormValues;

export function formValuesOf(rules: SendingRules): SendingRulesFormValues {
  return {
    typesNotByEmail: rules.typesNotByEmail,
    paperCopyTypes: rules.paperCopyTypes,
    allowedFileTypes: rules.allowedFileTypes,
    maxFileMegabytes: rules.maxFileBytes / bytesPerMegabyte,
    maxTotalMegabytes: rules.maxTotalBytes / bytesPerMegabyte,
  };
}

export function rulesOf(values: SendingRulesFormValues): SendingRules {
  return {
    typesNotByEmail: values.typesNotByEmail,
    paperCopyTypes: values.paperCopyTypes,
    allowedFileTypes: values.allowedFileTypes,
    maxFileBytes: Math.round(values.maxFileMegabytes * bytesPerMegabyte),
    maxTotalBytes: Math.round(values.maxTotalMegabytes * bytesPerMegabyte),
  };
}

/** Finds the form field of a rejected rule: the server names a JSON path such as `paperCopyTypes.0` or `maxFileBytes`. */
export function formFieldOf(apiField: string): SendingRulesField | null {
  const name = apiField.split('.')[0];

  switch (name) {
    case 'typesNotByEmail':
    case 'paperCopyTypes':
    case 'allowedFileTypes':
      return name;
    case 'maxFileBytes':
      return 'maxFileMegabytes';
    case 'maxTotalBytes':
      return 'maxTotalMegabytes';
    default:
      return null;
  }
}
