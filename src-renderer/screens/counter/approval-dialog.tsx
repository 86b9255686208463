import { useState, type FormEvent } from 'react';
import type { ApprovalInput, CentralApprovalSummary, EbillApi, ReplyError, UserSummary } from '../../../src-shared/contract';
import { CANCEL_REASONS, REPRINT_REASONS } from '../../../src-shared/domain/reasons';
import { ErrorRegion } from '../../components/error-notice';
import { ModalDialog } from '../../components/modal-dialog';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { useI18n } from '../../i18n/i18n-context';

/** A receipt (book and number) for a copy or a cancellation, or an unpaid request's Ref1 for request.cancel. */
export type ApprovalSubject = { readonly kind: 'reprint' | 'cancel'; readonly book: string; readonly number: number } | { readonly kind: 'request-cancel'; readonly ref1: string };

export type ApprovalDialogProps = ApprovalSubject & {
  readonly user: UserSummary;
  readonly request: EbillApi['request'];
  readonly onClose: () => void;
  readonly onDone: (result: { readonly copyNo: number | null }) => void;
};

type How = 'self' | 'in-person' | 'offline-code' | 'central';

/**
 * Reprint or cancel a receipt (seed 001 §3.1.5): a reason picked from the list and stated, then
 * a supervisor's approval — the supervisor types username and password on this terminal, or the
 * operator types the supervisor's 8-digit offline code, or the request goes to central and a supervisor
 * approves it in the console (approval.askCentral, then "check" pulls the decision); a supervisor may
 * approve their own action.
 * A reprint is recorded first (receipt.reprint) and its numbered copy printed (print.reprintCopy).
 * The same dialog cancels an unpaid request and its bill (request.cancel, by Ref1).
 */
export function ApprovalDialog(props: ApprovalDialogProps) {
  const { kind, user, request, onClose, onDone } = props;
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
  const [central, setCentral] = useState<CentralApprovalSummary | null>(null);
  const [isUnreachable, setIsUnreachable] = useState(false);
  const action = kind === 'reprint' ? 'receipt.reprint' : kind === 'cancel' ? 'receipt.cancel' : 'request.cancel';
  const subject = props.kind === 'request-cancel' ? props.ref1 : `${props.book}/${props.number}`;
  const isCancel = kind !== 'reprint';

  /** The latest unused request for this receipt and action (one sent earlier, the dialog closed since), with its reason. */
  const pickCentral = (approvals: readonly CentralApprovalSummary[]): CentralApprovalSummary | null => {
    const found = approvals.find((a) => a.action === action && a.subject === subject && !a.isUsed && a.status !== 'rejected') ?? null;
    if (found !== null) {
      setReasonCode(found.reasonCode);
      setReasonText(found.reasonText);
    }
    return found;
  };
  const chooseCentral = async (): Promise<void> => {
    setHow('central');
    const reply = await request('approval.centralList', {});
    if (reply.ok) setCentral(pickCentral(reply.value.approvals));
  };
  const sendCentral = async (): Promise<void> => {
    if (reasonCode === '' || reasonText.trim() === '') {
      setIsIncomplete(true);
      return;
    }
    setIsIncomplete(false);
    setIsBusy(true);
    setError(null);
    const asked = { reasonCode: reasonCode as keyof typeof CANCEL_REASONS, reasonText: reasonText.trim() };
    const reply = await request(
      'approval.askCentral',
      props.kind === 'request-cancel'
        ? { action: 'request.cancel', ref1: props.ref1, ...asked }
        : props.kind === 'cancel'
          ? { action: 'receipt.cancel', book: props.book, number: props.number, ...asked }
          : { action: 'receipt.reprint', book: props.book, number: props.number, reasonCode: reasonCode as keyof typeof REPRINT_REASONS, reasonText: asked.reasonText },
    );
    setIsBusy(false);
    if (reply.ok) setCentral(reply.value);
    else setError(reply.error);
  };
  const checkCentral = async (): Promise<void> => {
    setIsBusy(true);
    setError(null);
    const reply = await request('approval.centralList', { checkCentral: true });
    setIsBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    setIsUnreachable(reply.value.isCentralReached === false);
    setIsIncomplete(false);
    setCentral(reply.value.approvals.find((a) => a.requestId === central?.requestId) ?? pickCentral(reply.value.approvals));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (how === 'central') {
      if (central?.status !== 'approved') {
        setIsIncomplete(true);
        return;
      }
    } else if (reasonCode === '' || reasonText.trim() === '' || (how !== 'self' && (username.trim() === '' || secret === ''))) {
      setIsIncomplete(true);
      return;
    }
    setIsIncomplete(false);
    const approval: ApprovalInput | undefined =
      how === 'self'
        ? undefined
        : how === 'central'
          ? { method: 'central', requestId: central?.requestId ?? '' }
          : how === 'in-person'
            ? { method: 'in-person', username: username.trim(), password: secret }
            : { method: 'offline-code', supervisorUsername: username.trim(), code: secret.trim() };
    const stated = { reasonText: reasonText.trim(), ...(approval === undefined ? {} : { approval }) };
    setIsBusy(true);
    setError(null);
    if (props.kind === 'request-cancel') {
      const reply = await request('request.cancel', { ref1: props.ref1, ...stated, reasonCode: reasonCode as keyof typeof CANCEL_REASONS });
      setIsBusy(false);
      if (reply.ok) onDone({ copyNo: null });
      else setError(reply.error);
      return;
    }
    const { book, number } = props;
    const common = { book, number, ...stated };
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
    <ModalDialog title={kind === 'reprint' ? copy.reprintTitle : kind === 'cancel' ? copy.cancelTitle : copy.requestCancelTitle} onClose={onClose} isBusy={isBusy} tone={isCancel ? 'danger' : 'normal'}>
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
          {(isSupervisor ? (['self', 'in-person', 'offline-code', 'central'] as const) : (['in-person', 'offline-code', 'central'] as const)).map((option) => (
            <label key={option} className="radio">
              <input type="radio" name="approval-how" value={option} checked={how === option} onChange={() => (option === 'central' ? void chooseCentral() : setHow(option))} />
              {option === 'self' ? copy.self : option === 'in-person' ? copy.inPerson : option === 'offline-code' ? copy.offlineCode : copy.central}
            </label>
          ))}
        </fieldset>
        {how === 'central' && (
          <div className="form-row">
            <p className="dialog__text" role="status">
              {central === null
                ? null
                : central.status === 'approved'
                  ? copy.centralApproved(central.supervisorNameTh ?? '')
                  : central.status === 'rejected'
                    ? copy.centralRejected
                    : central.isSent
                      ? copy.centralPending
                      : copy.centralNotSent}
              {isUnreachable && ` ${copy.centralUnreachable}`}
            </p>
            {central === null ? (
              <button type="button" className="button" onClick={() => void sendCentral()} disabled={isBusy}>
                {copy.sendCentral}
              </button>
            ) : (
              central.status !== 'approved' && (
                <button type="button" className="button" onClick={() => void checkCentral()} disabled={isBusy}>
                  {copy.checkCentral}
                </button>
              )
            )}
          </div>
        )}
        {how !== 'self' && how !== 'central' && (
          <div className="form-row">
            <TextField label={copy.supervisorUsername} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" spellCheck={false} isRequired />
            {how === 'in-person' ? (
              <TextField label={copy.supervisorPassword} type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" isRequired />
            ) : (
              <TextField label={copy.code} value={secret} onChange={(e) => setSecret(e.target.value)} inputMode="numeric" maxLength={8} autoComplete="off" isRequired />
            )}
          </div>
        )}
        {isIncomplete && <p className="field__error">{how === 'central' && reasonCode !== '' && reasonText.trim() !== '' ? copy.centralWait : copy.fill}</p>}
        <ErrorRegion error={error} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} disabled={isBusy}>
            {copy.cancel}
          </button>
          <button type="submit" className={`button ${isCancel ? 'button--danger' : 'button--primary'}`} disabled={isBusy}>
            {isBusy ? copy.submitting : kind === 'reprint' ? copy.submitReprint : kind === 'cancel' ? copy.submitCancel : copy.submitRequestCancel}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
