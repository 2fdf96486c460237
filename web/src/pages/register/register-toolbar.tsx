import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { YearPicker } from '../../components/year-picker';

interface RegisterToolbarProps {
  title: string;
  year: number;
  onYearChange: (year: number | null) => void;
  xlsxUrl: string;
  /** False until the register has loaded, because the printed register lists every entry. */
  printable: boolean;
  /** Prefix of the test ids of the year picker and the buttons, such as `register`. */
  testId: string;
}

/** Renders the top of a register page: its title, the year and the Xuất Excel and In sổ buttons. */
export function RegisterToolbar({ title, year, onYearChange, xlsxUrl, printable, testId }: RegisterToolbarProps) {
  const { t } = useTranslation();

  return (
    <Flex justify="space-between" align="center" wrap gap="small" className="no-print">
      <Typography.Title level={3} className="page-title">
        {title}
      </Typography.Title>
      <Flex gap="small" align="center">
        <Typography.Text>{t('register.year')}</Typography.Text>
        <YearPicker year={year} onChange={onYearChange} data-testid={`${testId}-year`} />
        <Button href={xlsxUrl} data-testid={`${testId}-export`}>
          {t('register.export')}
        </Button>
        <Button onClick={() => window.print()} disabled={!printable} data-testid={`${testId}-print`}>
          {t('register.print')}
        </Button>
      </Flex>
    </Flex>
  );
}
