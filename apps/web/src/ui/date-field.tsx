import { TextInput } from '@mantine/core';
import { lazy, Suspense } from 'react';

export interface DateFieldProps {
  label: string;
  /** ISO `YYYY-MM-DD`, or '' for none. */
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  disabled?: boolean;
  testId?: string;
  clearable?: boolean;
}

// The date picker (Mantine Dates and its styles) is loaded on first use, not with the app.
// Its stand-in has the same class (one fixed width): when the picker arrives nothing moves
// (Lighthouse measured the filters rewrapping as layout shift on /factures).
const DateFieldImpl = lazy(() => import('./date-field.impl'));

/** A date typed and shown as dd/mm/yyyy whatever the browser's language. */
export function DateField(props: DateFieldProps) {
  return (
    <Suspense fallback={<TextInput className="date-field" label={props.label} value={props.value ? props.value.split('-').reverse().join('/') : ''} readOnly disabled />}>
      <DateFieldImpl {...props} />
    </Suspense>
  );
}
