import { useState, type FormEvent } from 'react';
import type { ApprovalInput, EbillApi, ReplyError, UserSummary } from '../../../src-shared/contract';
import { CANCEL_REASONS, REPRINT_REASONS } from '../../../src-shared/domain/reasons';
import { ErrorRegion } from '../../components/error-notice';
import { ModalDialog } from '../../components/modal-dialog';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { useI18n } from '../../i18n/i18n-context';

export interface ApprovalDialogProps {
  readonly kind: 'reprint' | 'cancel';
  readonly user: UserSummary;
  readonly book: string;
  readonly number: number;
  readonly request: EbillApi['request'];
  readonly onClose: () => void;
  readonly onDone: (result: { readonly copyNo: number | null }) => void;
}

type How = 'self' | 'in-person' | 'offline-code';

/**
 * Reprint or cancel a receipt (seed 001 §3.1.5): a reason picked from the list and stated, then
 * a supervisor's approval — the supervisor types username and password on this terminal, or the
 * operator types the supervisor's 8-digit offline code; a supervisor may approve their own action.
 * A reprint is recorded first (receipt.reprint) and its numbered copy printed (print.reprintCopy).
 */
export function ApprovalDialog({ kind, user, book, number, request, onClose, onDone }: ApprovalDialogProps) {
  const { t, language } = useI18n();
  const isSupervisor = user.role === 'supervisor';
  const reasons: Readonly<Record<string, { readonly th: string; readonly en: string }>> = kind === 'reprint' ? REPRINT_REASONS : CANCEL_REASONS;
  const [reasonCode, setReasonCode] = useState('');
  const [reasonText, setReasonText] = useState('');
  const [how, setHow] = useState<How>(isSupervisor ? 'self' : 'in-person');
  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<ReplyError | null>(null);
  const [isIncomplete, setIsIncomplete] = useState(false);
  const [isBusy, setIsBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (reasonCode === '' || reasonText.trim() === '' || (how !== 'self' && (username.trim() === '' || secret === ''))) {
      setIsIncomplete(true);
      return;
    }
    setIsIncomplete(false);
    const approval: ApprovalInput | undefined =
      how === 'self' ? undefined : how === 'in-person' ? { method: 'in-person', username: username.trim(), password: secret } : { method: 'offline-code', supervisorUsername: username.trim(), code: secret.trim() };
    const common = { book, number, reasonText: reasonText.trim(), ...(approval === undefined ? {} : { approval }) };
    setIsBusy(true);
    setError(null);
    if (kind === 'reprint') {
      const reply = await request('receipt.reprint', { ...common, reasonCode: reasonCode as keyof typeof REPRINT_REASONS });
      if (!reply.ok) {
        setIsBusy(false);
        setError(reply.error);
        return;
      }
      const printed = await request('print.reprintCopy', { book, number, copyNo: reply.value.copyNo });
      setIsBusy(false);
      if (!printed.ok) setError(printed.error);
      onDone({ copyNo: reply.value.copyNo });
      return;
    }
    const reply = await request('receipt.cancel', { ...common, reasonCode: reasonCode as keyof typeof CANCEL_REASONS });
    setIsBusy(false);
    if (reply.ok) onDone({ copyNo: null });
    else setError(reply.error);
  };

  const copy = t.approval;
  return (
    <ModalDialog title={kind === 'reprint' ? copy.reprintTitle : copy.cancelTitle} onClose={onClose} isBusy={isBusy} tone={kind === 'cancel' ? 'danger' : 'normal'}>
      <p className="dialog__text">{copy.intro}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="dialog__form">
        <SelectField
          label={copy.reason}
          value={reasonCode}
          placeholder={copy.chooseReason}
          options={Object.entries(reasons).map(([code, label]) => ({ value: code, label: label[language] }))}
          onChange={(e) => setReasonCode(e.target.value)}
          isRequired
          autoFocus
        />
        <TextField label={copy.reasonText} value={reasonText} onChange={(e) => setReasonText(e.target.value)} maxLength={500} lang="th" autoComplete="off" isRequired />
        <fieldset className="radio-group">
          <legend className="field__label">{copy.how}</legend>
          {(isSupervisor ? (['self', 'in-person', 'offline-code'] as const) : (['in-person', 'offline-code'] as const)).map((option) => (
            <label key={option} className="radio">
              <input type="radio" name="approval-how" value={option} checked={how === option} onChange={() => setHow(option)} />
              {option === 'self' ? copy.self : option === 'in-person' ? copy.inPerson : copy.offlineCode}
            </label>
          ))}
        </fieldset>
        {how !== 'self' && (
          <div className="form-row">
            <TextField label={copy.supervisorUsername} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" spellCheck={false} isRequired />
            {how === 'in-person' ? (
              <TextField label={copy.supervisorPassword} type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" isRequired />
            ) : (
              <TextField label={copy.code} value={secret} onChange={(e) => setSecret(e.target.value)} inputMode="numeric" maxLength={8} autoComplete="off" isRequired />
            )}
          </div>
        )}
        {isIncomplete && <p className="field__error">{copy.fill}</p>}
        <ErrorRegion error={error} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} disabled={isBusy}>
            {copy.cancel}
          </button>
          <button type="submit" className={`button ${kind === 'cancel' ? 'button--danger' : 'button--primary'}`} disabled={isBusy}>
            {isBusy ? copy.submitting : kind === 'reprint' ? copy.submitReprint : copy.submitCancel}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
