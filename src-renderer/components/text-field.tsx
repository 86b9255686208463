import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'children'> {
  readonly label: string;
  readonly hint?: string;
  /** The problem text, shown in red under the field and read out with it. */
  readonly error?: string | null;
  /** A softer notice (keyboard layout, Caps Lock): shown but does not block. */
  readonly warning?: string | null;
  readonly isRequired?: boolean;
  readonly className?: string;
  readonly after?: ReactNode;
  readonly ref?: Ref<HTMLInputElement>;
}

/** A labelled input with its hint and its error, tied together for screen readers. */
export function TextField({ ref, label, hint, error, warning, isRequired = false, className, after, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const warningId = `${id}-warning`;
  const describedBy = [hint === undefined ? null : hintId, error ? errorId : null, warning ? warningId : null].filter((x) => x !== null).join(' ');
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
      <input
        ref={ref}
        id={id}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-required={isRequired || undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        {...input}
      />
      {hint !== undefined && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      {warning && (
        <p id={warningId} className="field__warning">
          {warning}
        </p>
      )}
      {after}
    </div>
  );
}
