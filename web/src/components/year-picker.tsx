import { DatePicker } from 'antd';
import dayjs from 'dayjs';

interface YearPickerProps {
  year: number;
  onChange: (year: number | null) => void;
  'data-testid'?: string;
}

/** Picks the year a register or calendar shows. It cannot be cleared. */
export function YearPicker({ year, onChange, 'data-testid': testId }: YearPickerProps) {
  return (
    <DatePicker
      picker="year"
      allowClear={false}
      value={dayjs().year(year)}
      onChange={(value) => onChange(value ? value.year() : null)}
      data-testid={testId}
    />
  );
}
