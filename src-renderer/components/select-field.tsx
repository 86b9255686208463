import { useId, type SelectHTMLAttributes } from 'react';

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

/** Options under a heading (an <optgroup>): the select's type-ahead still runs over all of them. */
export interface SelectGroup {
  readonly label: string;
  readonly options: readonly SelectOption[];
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'> {
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | null;
  readonly options: readonly SelectOption[];
  /** Grouped options, after `options`; a group with no option is left out. */
  readonly groups?: readonly SelectGroup[];
  /** Shown first with value '' when nothing is chosen yet. */
  readonly placeholder?: string;
  readonly isRequired?: boolean;
  readonly className?: string;
}

export function SelectField({ label, hint, error, options, groups = [], placeholder, isRequired = false, className, ...select }: SelectFieldProps) {
  const id = useId();
  const describedBy = [hint === undefined ? null : `${id}-hint`, error ? `${id}-error` : null].filter((x) => x !== null).join(' ');
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className === undefined ? '' : ` ${className}`}`}>
      <div className="field__label-row">
        <label htmlFor={id} className="field__label">
          {label}
        </label>
        {/* Outside the label, so the field's name is just its label; aria-required says it to screen readers. */}
        {isRequired && (
          <span className="field__required" aria-hidden="true">
            *
          </span>
        )}
      </div>
      <select
        id={id}
        className="field__input field__select"
        aria-invalid={error ? true : undefined}
        aria-required={isRequired || undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {groups
          .filter((group) => group.options.length > 0)
          .map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
      {hint !== undefined && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
