import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { EbillApi, ReplyError, UserSummary } from '../../../src-shared/contract';
import { ErrorRegion } from '../../components/error-notice';
import { ModalDialog } from '../../components/modal-dialog';
import { TextField } from '../../components/text-field';
import type { FieldProblem } from '../../forms/field-problem';
import { checkDisable } from '../../forms/user-form';
import { useI18n } from '../../i18n/i18n-context';
import { fieldProblemMessage } from '../../i18n/messages';

export interface DisableUserDialogProps {
  readonly user: UserSummary;
  readonly request: EbillApi['request'];
  readonly onClose: () => void;
  readonly onDisabled: (user: UserSummary) => void;
}

/**
 * ระงับบัญชี in two steps: a required reason (kept in the audit log), then an explicit confirmation
 * that repeats who and why. The reason is one line: the contract refuses control characters.
 */
export function DisableUserDialog({ user, request, onClose, onDisabled }: DisableUserDialogProps) {
  const { t } = useI18n();
  const copy = t.users.disableDialog;
  const reasonRef = useRef<HTMLInputElement>(null);
  // On the confirmation step focus goes to "back", not to the red button: a second Enter must not disable.
  const backRef = useRef<HTMLButtonElement>(null);
  const [step, setStep] = useState<'reason' | 'confirm'>('reason');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  useEffect(() => {
    (step === 'reason' ? reasonRef : backRef).current?.focus();
  }, [step]);

  const checked = checkDisable(user.username, reason);
  const onNext = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!checked.ok) {
      setProblem(checked.errors.reason ?? { kind: 'required' });
      reasonRef.current?.focus();
      return;
    }
    setProblem(null);
    setStep('confirm');
  };
  const onConfirm = async (): Promise<void> => {
    if (!checked.ok) return;
    setIsSaving(true);
    setError(null);
    const reply = await request('user.disable', checked.value);
    setIsSaving(false);
    if (reply.ok) onDisabled(reply.value.user);
    else setError(reply.error);
  };

  return (
    <ModalDialog title={copy.title(user.username)} onClose={onClose} isBusy={isSaving} tone="danger">
      <p className="dialog__text">{copy.intro}</p>
      {step === 'reason' ? (
        <form onSubmit={onNext} noValidate>
          <TextField
            ref={reasonRef}
            name="reason"
            label={t.fields.reason.label}
            hint={t.fields.reason.hint}
            error={problem === null ? null : fieldProblemMessage(t, 'reason', problem)}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setProblem(null);
            }}
            maxLength={200}
            lang="th"
            autoComplete="off"
            isRequired
          />
          <div className="dialog__actions">
            <button type="button" className="button" onClick={onClose}>
              {copy.cancel}
            </button>
            <button type="submit" className="button button--primary">
              {copy.next}
            </button>
          </div>
        </form>
      ) : (
        <div>
          <p className="dialog__question">{copy.confirmQuestion(user.username, user.fullNameTh)}</p>
          <p className="dialog__reason">
            <span className="dialog__reason-label">{copy.reasonShown}:</span> <span lang="th">{checked.ok ? checked.value.reason : reason}</span>
          </p>
          <ErrorRegion error={error} />
          <div className="dialog__actions">
            <button type="button" className="button" onClick={onClose} disabled={isSaving}>
              {copy.cancel}
            </button>
            <button ref={backRef} type="button" className="button" onClick={() => setStep('reason')} disabled={isSaving}>
              {copy.back}
            </button>
            <button type="button" className="button button--danger" onClick={() => void onConfirm()} disabled={isSaving}>
              {isSaving ? copy.submitting : copy.confirm}
            </button>
          </div>
        </div>
      )}
    </ModalDialog>
  );
}
