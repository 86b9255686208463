import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ReplyError, RequestOutput } from '../../../src-shared/contract';
import { formatSatang } from '../../../src-shared/money';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { ErrorRegion, StatusRegion } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { ShortcutHint } from '../../components/shortcut-hint';
import { TextField } from '../../components/text-field';
import { formatBusinessDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { Dict } from '../../i18n/th';
import { CashCountTable, cashCountOf, EMPTY_CASH_DRAFTS, varianceText, type CashDrafts } from './cash-count';
import { CloseConfirmDialog, CloseRecords } from './close-records';
import type { Phrase } from './phrase';
import { ScreenToolbar } from './screen-toolbar';
import type { ScreenProps } from '../../app/screen-props';

export type ShiftCloseScreenProps = ScreenProps;

type Status = RequestOutput<'close.shiftStatus'>;

/**
 * ปิดกะของฉัน (issue 10): the signed-in officer's own drawer for today — their receipts since their
 * last shift close, the cash they should hold, the count by Thai note and coin (the day close's
 * table), the variance and its required reason, a confirmation, then their shift close records.
 * Refused, with the list, while any of their own originals is unprinted. Main checks the role
 * (`close.shiftStatus`, `close.shift`: operator, supervisor, finance, head) and every figure.
 */
export function ShiftCloseScreen({ info, user, request, onHome, onLogout, isLoggingOut }: ShiftCloseScreenProps) {
  const { t, language } = useI18n();
  const today = info?.businessDate ?? '';
  const [status, setStatus] = useState<Status | null>(null);
  const [drafts, setDrafts] = useState<CashDrafts>(EMPTY_CASH_DRAFTS);
  const [reason, setReason] = useState('');
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const [notice, setNotice] = useState<Phrase | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  /** The shift close just made: shown first, so the officer sees the record without scrolling. */
  const [justClosed, setJustClosed] = useState<Status['shifts'][number] | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (justClosed !== null) doneRef.current?.scrollIntoView({ block: 'start' });
  }, [justClosed]);

  const load = useCallback(async () => {
    if (today === '') return;
    setError(null);
    const reply = await request('close.shiftStatus', { businessDate: today });
    if (reply.ok) setStatus(reply.value);
    else {
      setStatus(null);
      setError(reply.error);
    }
  }, [request, today]);
  useEffect(() => {
    void load();
  }, [load]);

  const { pieces, isValid, countedSatang } = cashCountOf(drafts);
  const expectedSatang = status?.cashExpectedSatang ?? 0;
  const varianceSatang = countedSatang - expectedSatang;
  const isBlocked = status !== null && status.unprintedOriginals.length > 0;
  const canSubmit = status !== null && status.canClose && !isBlocked && isValid && (varianceSatang === 0 || reason.trim() !== '');

  useShortcuts([
    { shortcut: SHORTCUTS.home, run: onHome, enabled: !isBusy && !isConfirming },
    { shortcut: SHORTCUTS.refresh, run: () => void load(), enabled: !isBusy && !isConfirming },
  ]);

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setNotice(null);
    setJustClosed(null);
    setIsConfirming(true);
  };

  const close = async (): Promise<void> => {
    setIsBusy(true);
    setError(null);
    const reply = await request('close.shift', { businessDate: today, pieces, ...(reason.trim() === '' ? {} : { varianceReason: reason.trim() }) });
    setIsBusy(false);
    setIsConfirming(false);
    if (!reply.ok) {
      setError(reply.error);
      await load();
      return;
    }
    setDrafts(EMPTY_CASH_DRAFTS);
    setReason('');
    setNotice(() => (d: Dict) => d.shiftClose.closedDone);
    setJustClosed(reply.value.close);
    await load();
  };

  const dateText = today === '' ? '' : formatBusinessDate(today, language);
  return (
    <ScreenFrame title={t.shiftClose.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--day-close">
      <ScreenToolbar title={t.shiftClose.title} onHome={onHome}>
        <button type="button" className="button" onClick={() => void load()} disabled={isBusy} aria-keyshortcuts="Alt+R">
          {t.counter.refresh} <ShortcutHint shortcut={SHORTCUTS.refresh} />
        </button>
      </ScreenToolbar>
      <p className="panel__text">{t.shiftClose.intro}</p>
      <div ref={doneRef}>
        <StatusRegion text={notice?.(t) ?? null} />
        {justClosed !== null && <CloseRecords closes={[justClosed]} heading={t.shiftClose.justClosedHeading} name="shift-done" />}
      </div>
      <ErrorRegion error={error} />
      {status === null ? (
        error === null && <p className="panel__text">{t.counter.loading}</p>
      ) : (
        <>
          {status.canClose && (
            <section className="panel" aria-labelledby="shift-summary-title" data-testid="shift-summary">
              <h2 id="shift-summary-title" className="section-title">
                {t.shiftClose.summaryHeading(dateText)}
              </h2>
              <dl className="facts facts--numbers">
                <div><dt>{t.dayClose.receiptCount}</dt><dd data-testid="receipt-count">{status.receiptCount}</dd></div>
                <div><dt>{t.dayClose.total}</dt><dd>{formatSatang(status.totalSatang)} {t.counter.baht}</dd></div>
                <div><dt>{t.dayClose.cashExpected}</dt><dd data-testid="cash-expected">{formatSatang(status.cashExpectedSatang)} {t.counter.baht}</dd></div>
              </dl>
            </section>
          )}
          {status.canClose && isBlocked && (
            <section className="panel panel--warn" aria-labelledby="shift-blocked-title" data-testid="shift-blocked">
              <h2 id="shift-blocked-title" className="section-title">
                {t.shiftClose.blockedHeading}
              </h2>
              <p className="notice notice--warn">{t.shiftClose.unprinted(status.unprintedOriginals.length)}</p>
              <ul className="plain-list" data-testid="unprinted-list">
                {status.unprintedOriginals.map((r) => (
                  <li key={`${r.book}/${r.number}`}>{t.dayClose.receiptRef(r.book, r.number, formatSatang(r.amountSatang))}</li>
                ))}
              </ul>
            </section>
          )}
          {status.canClose && status.unconfirmedProvisional.length > 0 && (
            <section className="panel" aria-labelledby="shift-unconfirmed-title" data-testid="unconfirmed-list">
              <h2 id="shift-unconfirmed-title" className="section-title">
                {t.dayClose.unconfirmedHeading}
              </h2>
              <ul className="plain-list">
                {status.unconfirmedProvisional.map((r) => (
                  <li key={`${r.book}/${r.number}`}>{t.dayClose.receiptRef(r.book, r.number, formatSatang(r.amountSatang))}</li>
                ))}
              </ul>
            </section>
          )}
          {status.canClose && (
            <form className="panel form-panel" onSubmit={onSubmit} noValidate aria-labelledby="shift-count-title" aria-busy={isBusy}>
              <h2 id="shift-count-title" className="section-title">
                {t.dayClose.countHeading}
              </h2>
              <CashCountTable drafts={drafts} onChange={setDrafts} expectedSatang={expectedSatang} />
              {varianceSatang !== 0 && (
                <TextField label={t.dayClose.reason} hint={t.dayClose.reasonHint} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} lang="th" isRequired className="field--grow" />
              )}
              <div className="form-actions">
                <button type="submit" className="button button--primary" disabled={!canSubmit || isBusy}>
                  {t.shiftClose.close}
                </button>
              </div>
            </form>
          )}
          {!status.canClose && <p className="notice notice--info">{t.shiftClose.dayClosed}</p>}
          {status.shifts.length > 0 && <CloseRecords closes={status.shifts} heading={t.shiftClose.recordsHeading} />}
        </>
      )}
      {isConfirming && (
        <CloseConfirmDialog
          title={t.shiftClose.confirmTitle}
          text={t.shiftClose.confirmText(dateText, formatSatang(countedSatang), varianceText(t, varianceSatang))}
          cancelLabel={t.shiftClose.cancel}
          confirmLabel={t.shiftClose.confirm}
          isBusy={isBusy}
          error={error}
          onCancel={() => setIsConfirming(false)}
          onConfirm={() => void close()}
        />
      )}
    </ScreenFrame>
  );
}
