import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface ModalDialogProps {
  readonly title: string;
  /** Esc and the cancel buttons call this; ignored while `isBusy` (a request is running). */
  readonly onClose: () => void;
  readonly isBusy?: boolean;
  readonly tone?: 'normal' | 'danger';
  readonly children: ReactNode;
}

/**
 * A native modal <dialog>: the browser keeps focus inside it, Esc cancels, and focus goes back to
 * the button that opened it when it closes. Shown while mounted.
 */
export function ModalDialog({ title, onClose, isBusy = false, tone = 'normal', children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${tone}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!isBusy) onClose();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
