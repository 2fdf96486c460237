import { useQuery } from '@tanstack/react-query';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import { queryKeys } from '../../api/query-keys';
import { fetchOutgoingRegister, outgoingRegisterXlsxUrl } from '../../api/registers';
import type { OutgoingRegisterEntry } from '../../api/types';
import { clickableRowProps } from '../../components/clickable-row';
import { useYearSearchParam } from '../../hooks/use-year-search-param';
import { useLanguage } from '../../i18n/use-language';
import { usePageTitle } from '../../layout/use-page-title';
import { dispatchPath } from '../dispatch/dispatch-path';
import { RegisterView } from '../register/register-view';
import { outgoingRegisterColumns, outgoingRegisterPrintColumns } from './outgoing-register-columns';

/** Shows Sổ đăng ký văn bản đi: every document the organization sent in a year, by entry number. */
export function OutgoingRegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [year, setYear] = useYearSearchParam();
  const language = useLanguage();
  usePageTitle(t('outgoingRegister.title'));

  const query = useQuery({
    queryKey: queryKeys.outgoingRegister(year, language),
    queryFn: ({ signal }) => fetchOutgoingRegister(year, signal),
  });

  function rowProps(entry: OutgoingRegisterEntry): HTMLAttributes<HTMLElement> {
    return clickableRowProps(() => void navigate(dispatchPath(entry.dispatchId)), {
      'data-testid': 'outgoing-register-row',
      'data-dispatch-id': entry.dispatchId,
      'data-register-number': String(entry.registerNumber),
      'data-status': entry.status,
    });
  }

  return (
    <RegisterView
      title={t('outgoingRegister.title')}
      printTitle={t('outgoingRegister.printTitle')}
      emptyText={t('outgoingRegister.empty', { year })}
      year={year}
      onYearChange={setYear}
      xlsxUrl={outgoingRegisterXlsxUrl(year)}
      query={query}
      columns={outgoingRegisterColumns(t)}
      printColumns={outgoingRegisterPrintColumns(t)}
      onRow={rowProps}
      testId="outgoing-register"
    />
  );
}
