import { useCallback, useEffect, useState } from 'react';
import type { ReplyError, RequestOutput } from '../../../src-shared/contract';
import { CANCEL_REASONS, REPRINT_REASONS } from '../../../src-shared/domain/reasons';
import { formatSatang } from '../../../src-shared/money';
import { isCounterRole } from '../../app/permissions';
import type { CounterTarget } from '../../app/route';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { ErrorRegion, StatusRegion } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { ShortcutHint } from '../../components/shortcut-hint';
import { formatBusinessDate, formatMoment } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { Dict } from '../../i18n/th';
import type { Phrase } from './phrase';
import { ApprovalDialog } from './approval-dialog';
import { PrintPanel } from './print-panel';
import { RevenueName, useRevenueChoices } from './revenue-field';
import { ScreenToolbar } from './screen-toolbar';
import type { ScreenProps } from '../../app/screen-props';

export interface ReceiptScreenProps extends ScreenProps {
  readonly book: string;
  readonly number: number;
  readonly onOpen: (target: CounterTarget) => void;
}

type History = RequestOutput<'receipt.history'>;

function reasonLabel(code: string | null, language: 'th' | 'en'): string {
  if (code === null) return '';
  const all: Record<string, { th: string; en: string }> = { ...REPRINT_REASONS, ...CANCEL_REASONS };
  return all[code]?.[language] ?? code;
}

/**
 * ใบเสร็จรับเงิน: one receipt with its history (original print, numbered copies, cancellation —
 * who, who approved, why). Counter roles may ask for a copy or a cancellation, both through the
 * supervisor's approval dialog; the original prints here only while it was never printed.
 */
export function ReceiptScreen({ info, user, book, number, request, onOpen, onHome, onLogout, isLoggingOut }: ReceiptScreenProps) {
  const { t, language } = useI18n();
  const catalog = useRevenueChoices(request);
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  // A status is kept as words to say, not said: it follows a language switch.
  const [status, setStatus] = useState<Phrase | null>(null);
  const [dialog, setDialog] = useState<'reprint' | 'cancel' | null>(null);
  const isCounter = isCounterRole(user.role);

  const load = useCallback(async () => {
    const reply = await request('receipt.history', { book, number });
    if (reply.ok) setHistory(reply.value);
    else setError(reply.error);
  }, [request, book, number]);
  useEffect(() => {
    void load();
  }, [load]);

  const receipt = history?.receipt ?? null;
  const canAct = isCounter && receipt !== null && !receipt.isCancelled;
  useShortcuts([
    { shortcut: SHORTCUTS.home, run: onHome, enabled: dialog === null },
    { shortcut: SHORTCUTS.reprint, run: () => setDialog('reprint'), enabled: canAct && receipt.isPrinted && dialog === null },
    { shortcut: SHORTCUTS.cancelReceipt, run: () => setDialog('cancel'), enabled: canAct && dialog === null },
  ]);

  return (
    <ScreenFrame title={t.receipt.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--receipt">
      <ScreenToolbar title={`${t.receipt.title} ${t.receipt.bookNo(book, number)}`} onHome={onHome} />
      <StatusRegion text={status?.(t) ?? null} />
      <ErrorRegion error={error} />
      {receipt !== null && history !== null && (
        <>
          {/* One banner for a cancelled receipt, in a live region so that a cancellation just made is announced. */}
          <div role="status" aria-live="polite" aria-atomic="true">
            {receipt.isCancelled && <p className="notice notice--error banner-note" data-testid="cancelled-banner">{t.receipt.cancelledBanner}</p>}
          </div>
          {receipt.isProvisional && <p className="notice notice--warn banner-note">{t.receipt.provisionalBanner}</p>}
          <section className="panel" aria-labelledby="receipt-title">
            <h2 id="receipt-title" className="section-title">
              <span lang="th">{receipt.payerName}</span> — {formatSatang(receipt.amountSatang)} {t.counter.baht}
            </h2>
            <dl className="facts">
              <div><dt>{t.receipt.issuedOn}</dt><dd>{formatBusinessDate(receipt.businessDate, language)}</dd></div>
              <div><dt>{t.bill.ref1}</dt><dd className="mono">{receipt.ref1 ?? '—'}</dd></div>
              <div><dt>{t.bill.revenue}</dt><dd data-testid="receipt-revenue"><RevenueName revenueCode={receipt.revenueCode} choices={catalog.choices} /></dd></div>
              <div><dt>{t.receipt.method}</dt><dd>{t.counter.methods[receipt.method]}</dd></div>
              <div><dt>{t.receipt.receiver}</dt><dd lang="th">{receipt.receiverNameTh} ({receipt.receiverPositionTh})</dd></div>
              <div><dt>{t.bill.status}</dt><dd>{receipt.isPrinted ? t.receipt.printed : t.receipt.notPrinted}{receipt.copies > 0 && ` · ${t.receipt.copies(receipt.copies)}`}</dd></div>
            </dl>
            <div className="form-actions form-actions--start">
              {canAct && receipt.isPrinted && (
                <button type="button" className="button" onClick={() => setDialog('reprint')} aria-keyshortcuts="Alt+P">
                  {t.receipt.reprint} <ShortcutHint shortcut={SHORTCUTS.reprint} />
                </button>
              )}
              {canAct && (
                <button type="button" className="button button--danger" onClick={() => setDialog('cancel')} aria-keyshortcuts="Alt+X">
                  {t.receipt.cancel} <ShortcutHint shortcut={SHORTCUTS.cancelReceipt} />
                </button>
              )}
              {receipt.ref1 !== null && (
                <button type="button" className="button" onClick={() => onOpen({ screen: 'bill', ref1: receipt.ref1 ?? '' })}>
                  {t.receipt.openBill}
                </button>
              )}
            </div>
          </section>
          {canAct && !receipt.isPrinted && <PrintPanel request={request} book={book} number={number} startAtOnce={false} onConfirmed={() => {
            // The panel goes with the unprinted state; the screen says it and offers a copy at once.
            setStatus(() => (d: Dict) => d.print.confirmed);
            void load();
          }} />}
          <section className="panel" aria-labelledby="history-title">
            <h2 id="history-title" className="section-title">
              {t.receipt.historyHeading}
            </h2>
            {history.events.length === 0 ? (
              <p className="panel__text">{t.counter.none}</p>
            ) : (
              <div className="table-scroll">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t.receipt.columns.when}</th>
                      <th scope="col">{t.receipt.columns.what}</th>
                      <th scope="col">{t.receipt.columns.who}</th>
                      <th scope="col">{t.receipt.columns.approver}</th>
                      <th scope="col">{t.receipt.columns.reason}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {history.events.map((event, i) => (
                      <tr key={i}>
                        <td>{formatMoment(event.atMs, language)}</td>
                        <td>
                          {t.receipt.events[event.kind]}
                          {event.copyNo !== null && ` (${t.receipt.copyNo(event.copyNo)})`}
                        </td>
                        <td lang="th">{event.userNameTh}</td>
                        <td lang="th">{event.supervisorNameTh ?? '—'}</td>
                        <td>
                          {reasonLabel(event.reasonCode, language)}
                          {event.reasonText !== null && <span lang="th">: {event.reasonText}</span>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
      {dialog !== null && (
        <ApprovalDialog
          kind={dialog}
          user={user}
          book={book}
          number={number}
          request={request}
          onClose={() => setDialog(null)}
          onDone={({ copyNo }) => {
            setDialog(null);
            // A cancellation is said by the receipt's own banner once it is read again, never twice.
            setStatus(copyNo === null ? null : () => (d: Dict) => d.receipt.reprinted(copyNo));
            void load();
          }}
        />
      )}
    </ScreenFrame>
  );
}
