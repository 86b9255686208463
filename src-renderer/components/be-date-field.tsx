import { useEffect, useState } from 'react';
import { beTextFromIso, isoFromBeText } from '../forms/be-date';
import { formatBusinessDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { TextField } from './text-field';

export interface BeDateFieldProps {
  readonly label: string;
  /** The ISO business date ('2026-12-02') or '' when empty or not a valid date yet. */
  readonly value: string;
  readonly onChange: (iso: string) => void;
  readonly isRequired?: boolean;
  readonly className?: string;
  /** A problem the form found (required, out of range); the field's own "not a date" comes first. */
  readonly error?: string | null;
}

/**
 * A date typed in the Buddhist era, dd/mm/yyyy (02/12/2569), instead of the browser's Gregorian
 * picker; the value given to the form stays ISO. Under the field: the date in words, or why it is not one.
 */
export function BeDateField({ label, value, onChange, isRequired = false, className, error }: BeDateFieldProps) {
  const { t, language } = useI18n();
  const [text, setText] = useState(() => beTextFromIso(value));
  // A value set from outside (today's date, a reset form) replaces what is shown.
  useEffect(() => {
    const shown = isoFromBeText(text);
    if (shown !== value && !(shown === null && value === '')) setText(beTextFromIso(value));
  }, [value, text]);
  const parsed = isoFromBeText(text);
  // Under the field: the date in words once it is one, else how to type it.
  const hint = parsed !== null && parsed !== '' ? formatBusinessDate(parsed, language) : t.settingsUi.beDate.hint;
  return (
    <TextField
      label={label}
      hint={hint}
      value={text}
      inputMode="numeric"
      autoComplete="off"
      isRequired={isRequired}
      error={parsed === null ? t.settingsUi.beDate.bad : (error ?? null)}
      onChange={(e) => {
        setText(e.target.value);
        const iso = isoFromBeText(e.target.value);
        onChange(iso ?? '');
      }}
      {...(className === undefined ? {} : { className })}
    />
  );
}
