import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ReplyError, RequestOutput } from '../../../src-shared/contract';
import { formatSatang } from '../../../src-shared/money';
import { mayCall } from '../../app/permissions';
import { useShownDate } from '../../app/use-shown-date';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { BeDateField } from '../../components/be-date-field';
import { ErrorRegion, StatusRegion } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { ShortcutHint } from '../../components/shortcut-hint';
import { TextField } from '../../components/text-field';
import { formatBusinessDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { Dict } from '../../i18n/th';
import { CloseConfirmDialog, CloseRecords } from './close-records';
import { CashCountTable, cashCountOf, EMPTY_CASH_DRAFTS, varianceText, type CashDrafts } from './cash-count';
import type { Phrase } from './phrase';
import { ScreenToolbar } from './screen-toolbar';
import type { ScreenProps } from '../../app/screen-props';

export type DayCloseScreenProps = ScreenProps;

type Status = RequestOutput<'close.status'>;
/**
 * ปิดบัญชีประจำวัน (issue 10, seed 001 §3.1 steps 6–8): the day's receipts and the cash expected,
 * the cash counted by Thai banknote and coin with its running total and variance (a reason is
 * required when it is not zero), what stops the close (unprinted originals, paper leaves not keyed,
 * each listed), the receipts still waiting for the bank's confirmation, then the close after a
 * confirmation. A closed day shows its close records. Finance officer and head of unit close; the
 * auditor views.
 */
export function DayCloseScreen({ info, user, request, onHome, onLogout, isLoggingOut }: DayCloseScreenProps) {
  const { t, language } = useI18n();
  const today = info?.businessDate ?? '';
  const { fieldDate, shownDate, setDate } = useShownDate(today);
  const [status, setStatus] = useState<Status | null>(null);
  const [drafts, setDrafts] = useState<CashDrafts>(EMPTY_CASH_DRAFTS);
  const [reason, setReason] = useState('');
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const [notice, setNotice] = useState<Phrase | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const mayClose = mayCall(user.role, 'close.day');

  const load = useCallback(async () => {
    if (shownDate === '') return;
    setError(null);
    const reply = await request('close.status', { businessDate: shownDate.trim() });
    if (reply.ok) setStatus(reply.value);
    else {
      setStatus(null);
      setError(reply.error);
    }
  }, [request, shownDate]);
  useEffect(() => {
    void load();
  }, [load]);

  const { pieces, isValid: isCountValid, countedSatang } = cashCountOf(drafts);
  const expectedSatang = status?.cashExpectedSatang ?? 0;
  const varianceSatang = countedSatang - expectedSatang;
  const isBlocked = status !== null && (status.unprintedOriginals.length > 0 || status.unkeyedPaperLeaves.length > 0);
  const canSubmit = mayClose && status !== null && status.nextKind !== null && status.nextKind !== 'shift' && !isBlocked && isCountValid && (varianceSatang === 0 || reason.trim() !== '');

  useShortcuts([
    { shortcut: SHORTCUTS.home, run: onHome, enabled: !isBusy && !isConfirming },
    { shortcut: SHORTCUTS.refresh, run: () => void load(), enabled: !isBusy && !isConfirming },
  ]);

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setNotice(null);
    setIsConfirming(true);
  };

  const close = async (): Promise<void> => {
    setIsBusy(true);
    setError(null);
    const reply = await request('close.day', { businessDate: shownDate.trim(), pieces, ...(reason.trim() === '' ? {} : { varianceReason: reason.trim() }) });
    setIsBusy(false);
    setIsConfirming(false);
    if (!reply.ok) {
      setError(reply.error);
      await load();
      return;
    }
    setDrafts(EMPTY_CASH_DRAFTS);
    setReason('');
    setNotice(() => (d: Dict) => d.dayClose.closedDone);
    await load();
  };

  const dateText = formatBusinessDate(shownDate, language);
  return (
    <ScreenFrame title={t.dayClose.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--day-close">
      <ScreenToolbar title={t.dayClose.title} onHome={onHome}>
        <button type="button" className="button" onClick={() => void load()} disabled={isBusy} aria-keyshortcuts="Alt+R">
          {t.counter.refresh} <ShortcutHint shortcut={SHORTCUTS.refresh} />
        </button>
      </ScreenToolbar>
      <p className="panel__text">{t.dayClose.intro}</p>
      {!mayClose && <p className="notice notice--info">{t.dayClose.readOnly}</p>}
      <div className="form-row">
        <BeDateField label={t.dayClose.date} value={fieldDate} onChange={setDate} isRequired className="field--date" />
      </div>
      <StatusRegion text={notice?.(t) ?? null} />
      <ErrorRegion error={error} />
      {status === null ? (
        error === null && <p className="panel__text">{t.counter.loading}</p>
      ) : (
        <>
          {status.nextKind !== null && (
          <section className="panel" aria-labelledby="close-summary-title" data-testid="close-summary">
            <h2 id="close-summary-title" className="section-title">
              {t.dayClose.summaryHeading}
            </h2>
            <dl className="facts facts--numbers">
              <div><dt>{t.dayClose.receiptCount}</dt><dd>{status.receiptCount}</dd></div>
              <div><dt>{t.dayClose.total}</dt><dd>{formatSatang(status.totalSatang)} {t.counter.baht}</dd></div>
              <div><dt>{t.dayClose.cashExpected}</dt><dd data-testid="cash-expected">{formatSatang(status.cashExpectedSatang)} {t.counter.baht}</dd></div>
            </dl>
          </section>
          )}
          {isBlocked && (
            <section className="panel panel--warn" aria-labelledby="close-blocked-title" data-testid="close-blocked">
              <h2 id="close-blocked-title" className="section-title">
                {t.dayClose.blockedHeading}
              </h2>
              {status.unprintedOriginals.length > 0 && (
                <>
                  <p className="notice notice--warn">{t.dayClose.unprinted(status.unprintedOriginals.length)}</p>
                  <ul className="plain-list" data-testid="unprinted-list">
                    {status.unprintedOriginals.map((r) => (
                      <li key={`${r.book}/${r.number}`}>{t.dayClose.receiptRef(r.book, r.number, formatSatang(r.amountSatang))}</li>
                    ))}
                  </ul>
                </>
              )}
              {status.unkeyedPaperLeaves.length > 0 && (
                <>
                  <p className="notice notice--warn">{t.dayClose.unkeyed(status.unkeyedPaperLeaves.length)}</p>
                  <ul className="plain-list" data-testid="unkeyed-list">
                    {status.unkeyedPaperLeaves.map((l) => (
                      <li key={`${l.book}/${l.leaf}`}>{t.dayClose.leafRef(l.book, l.leaf)}</li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          )}
          {status.unconfirmedProvisional.length > 0 && (
            <section className="panel" aria-labelledby="close-unconfirmed-title" data-testid="unconfirmed-list">
              <h2 id="close-unconfirmed-title" className="section-title">
                {t.dayClose.unconfirmedHeading}
              </h2>
              <p className="panel__text">{t.dayClose.unconfirmedNote}</p>
              <ul className="plain-list">
                {status.unconfirmedProvisional.map((r) => (
                  <li key={`${r.book}/${r.number}`}>{t.dayClose.receiptRef(r.book, r.number, formatSatang(r.amountSatang))}</li>
                ))}
              </ul>
            </section>
          )}
          {mayClose && (status.nextKind === 'close' || status.nextKind === 'supplementary') && (
            <form className="panel form-panel" onSubmit={onSubmit} noValidate aria-labelledby="count-title" aria-busy={isBusy}>
              <h2 id="count-title" className="section-title">
                {t.dayClose.countHeading}
              </h2>
              <CashCountTable drafts={drafts} onChange={setDrafts} expectedSatang={expectedSatang} />
              {varianceSatang !== 0 && (
                <TextField label={t.dayClose.reason} hint={t.dayClose.reasonHint} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} lang="th" isRequired className="field--grow" />
              )}
              <div className="form-actions">
                <button type="submit" className="button button--primary" disabled={!canSubmit || isBusy}>
                  {status.nextKind === 'supplementary' ? t.dayClose.supplementary : t.dayClose.close}
                </button>
              </div>
            </form>
          )}
          {status.nextKind === null && <p className="notice notice--ok">{t.dayClose.nothingToClose}</p>}
          {status.closes.length > 0 && <CloseRecords closes={status.closes} heading={t.dayClose.closedHeading} />}
        </>
      )}
      {isConfirming && (
        <CloseConfirmDialog
          title={t.dayClose.confirmTitle}
          text={t.dayClose.confirmText(dateText, formatSatang(countedSatang), varianceText(t, varianceSatang))}
          cancelLabel={t.dayClose.cancel}
          confirmLabel={t.dayClose.confirm}
          isBusy={isBusy}
          error={error}
          onCancel={() => setIsConfirming(false)}
          onConfirm={() => void close()}
        />
      )}
    </ScreenFrame>
  );
}
