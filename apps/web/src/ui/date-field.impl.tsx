import { DateInput, DatesProvider } from '@mantine/dates';
import '@mantine/dates/styles.css';
// Here rather than around the whole app: dayjs, its locales and Mantine Dates stay out of the first load.
import 'dayjs/locale/fr';
import 'dayjs/locale/en';
import { useI18n } from '../app/i18n/i18n';
import type { DateFieldProps } from './date-field';

/** Mantine's DateInput: typed and shown as DD/MM/YYYY (the DatesProvider gives the locale), ISO `YYYY-MM-DD` in and out. */
export default function DateFieldImpl({ label, value, onChange, onBlur, disabled, testId, clearable = true }: DateFieldProps) {
  const { t, language } = useI18n();
  return (
    <DatesProvider settings={{ locale: language, firstDayOfWeek: 1, consistentWeeks: true }}>
      <DateInput
        className="date-field"
        label={label}
        value={value || null}
        onChange={(next) => onChange(next ?? '')}
        onBlur={onBlur}
        valueFormat="DD/MM/YYYY"
        placeholder="jj/mm/aaaa"
        clearable={clearable}
        // Mantine's clear button is an icon alone: without a name, screen readers announce "button".
        clearButtonProps={{ 'aria-label': t('date.clear', { label }) }}
        disabled={disabled}
        data-testid={testId}
        // Typed dates are read day first, whatever the browser's language.
        dateParser={(input) => {
          const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(input);
          if (!match) return null;
          const [, d, m, y] = match;
          const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
          const date = new Date(`${iso}T00:00:00Z`);
          return Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(d) ? null : iso;
        }}
      />
    </DatesProvider>
  );
}
