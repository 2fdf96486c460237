import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { queryKeys } from '../../api/query-keys';
import { fetchIncomingRegister, incomingRegisterXlsxUrl } from '../../api/registers';
import { useYearSearchParam } from '../../hooks/use-year-search-param';
import { useLanguage } from '../../i18n/use-language';
import { usePageTitle } from '../../layout/use-page-title';
import { registerColumns, registerPrintColumns } from './register-columns';
import { RegisterView } from './register-view';

export function RegisterPage() {
  const { t } = useTranslation();
  const [year, setYear] = useYearSearchParam();
  const language = useLanguage();
  usePageTitle(t('register.title'));

  const query = useQuery({
    queryKey: queryKeys.register(year, language),
    queryFn: ({ signal }) => fetchIncomingRegister(year, signal),
  });

  return (
    <RegisterView
      title={t('register.title')}
      printTitle={t('register.printTitle')}
      emptyText={t('register.empty', { year })}
      year={year}
      onYearChange={setYear}
      xlsxUrl={incomingRegisterXlsxUrl(year)}
      query={query}
      columns={registerColumns(t)}
      printColumns={registerPrintColumns(t)}
      testId="register"
    />
  );
}
