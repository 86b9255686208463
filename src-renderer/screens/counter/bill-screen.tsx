import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ReceiptSummary, ReplyError, RequestInput, RequestOutput } from '../../../src-shared/contract';
import { parseAmount, formatSatang } from '../../../src-shared/money';
import { isCounterRole } from '../../app/permissions';
import type { CounterTarget } from '../../app/route';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { ErrorRegion, StatusRegion } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { SelectField } from '../../components/select-field';
import { ShortcutHint } from '../../components/shortcut-hint';
import { BeDateField } from '../../components/be-date-field';
import { TextField } from '../../components/text-field';
import { formatBusinessDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { Dict } from '../../i18n/th';
import { ApprovalDialog } from './approval-dialog';
import type { Phrase } from './phrase';
import { PrintPanel } from './print-panel';
import { RevenueName, useRevenueChoices } from './revenue-field';
import { ScreenToolbar } from './screen-toolbar';
import type { ScreenProps } from '../../app/screen-props';

type Bill = RequestOutput<'bill.show'>;
type Method = 'cash' | 'cheque' | 'draft' | 'cashier-cheque';
const METHODS: readonly Method[] = ['cash', 'cheque', 'draft', 'cashier-cheque'];

export interface BillScreenProps extends ScreenProps {
  readonly ref1: string;
  readonly onOpen: (target: CounterTarget) => void;
}

/** The local datetime-local value of now in Bangkok, for the evidence form's default. */
function bangkokNowInput(nowMs: number): string {
  return new Date(nowMs + 7 * 3_600_000).toISOString().slice(0, 16);
}

/** Parses the datetime-local text as Bangkok time (UTC+7, no daylight saving). */
function bangkokInputToMs(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (match === null) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h - 7, mi);
}

/**
 * รับชำระ: one bill (opened from a new request, a scan, a search or the paid list). Unpaid: cash
 * (or cheque / draft with their details) → receipt.issue → the original prints; or the bill
 * payment slip; or the payer's bank evidence. Paid: the bill-payment receipt. Receipted or
 * cancelled: only what happened.
 */
export function BillScreen({ info, user, ref1, request, onOpen, onHome, onLogout, isLoggingOut }: BillScreenProps) {
  const { t, language } = useI18n();
  const catalog = useRevenueChoices(request);
  const [bill, setBill] = useState<Bill | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  // A status is kept as words to say, not said: it follows a language switch.
  const [status, setStatus] = useState<Phrase | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [panel, setPanel] = useState<'none' | 'cash' | 'evidence'>('none');
  const [method, setMethod] = useState<Method>('cash');
  const [detail, setDetail] = useState({ bankName: '', branch: '', instrumentNo: '', instrumentDate: info?.businessDate ?? '' });
  const [evidence, setEvidence] = useState({ bankCode: '006', bankReference: '', paidAt: bangkokNowInput(Date.now()), amountText: '' });
  const [receipt, setReceipt] = useState<ReceiptSummary | null>(null);
  const [existing, setExisting] = useState<{ book: string; number: number } | null>(null);
  const [isCancelling, setIsCancelling] = useState(false);
  const isCounter = isCounterRole(user.role);

  const load = useCallback(async () => {
    const reply = await request('bill.show', { ref1 });
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    setBill(reply.value);
    setEvidence((e) => ({ ...e, amountText: e.amountText === '' ? formatSatang(reply.value.amountSatang, { grouping: false }) : e.amountText }));
    if (reply.value.status === 'receipted') {
      const found = await request('record.search', { ref1 });
      const active = found.ok ? found.value.rows.find((row) => row.receipt !== null && !row.receipt.isCancelled)?.receipt : undefined;
      setExisting(active === undefined || active === null ? null : { book: active.receiptBook, number: active.receiptNo });
    }
  }, [request, ref1]);
  useEffect(() => {
    void load();
  }, [load]);

  const issue = async (payment: RequestInput<'receipt.issue'>['payment']): Promise<void> => {
    setIsBusy(true);
    setError(null);
    const reply = await request('receipt.issue', { ref1, payment });
    setIsBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      // Refused because the bill changed meanwhile (paid at another counter, cancelled): show it as it is now.
      setPanel('none');
      await load();
      return;
    }
    const issued = reply.value;
    setReceipt(issued);
    setPanel('none');
    setStatus(() => (d: Dict) => d.bill.receiptIssued(issued.receiptBook, issued.receiptNo));
    await load();
  };

  const onCash = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (method === 'cash') {
      void issue({ method: 'cash' });
      return;
    }
    const branch = detail.branch.trim();
    void issue({ method, detail: { bankName: detail.bankName, instrumentNo: detail.instrumentNo, instrumentDate: detail.instrumentDate, ...(branch === '' ? {} : { branch }) } });
  };

  const onSlip = async (): Promise<void> => {
    setIsBusy(true);
    setError(null);
    const reply = await request('print.billSlip', { ref1 });
    setIsBusy(false);
    if (reply.ok) setStatus(() => (d: Dict) => d.bill.slipPrinted);
    else setError(reply.error);
  };

  const onEvidence = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const amount = parseAmount(evidence.amountText, { allowZero: false });
    const paidAtMs = bangkokInputToMs(evidence.paidAt);
    if (!amount.ok) {
      setError({ code: amount.error.code, message: amount.error.message });
      return;
    }
    setIsBusy(true);
    setError(null);
    const reply = await request('payment.recordEvidence', { ref1, bankCode: evidence.bankCode, bankReference: evidence.bankReference, paidAtMs: paidAtMs ?? -1, amountSatang: amount.value });
    setIsBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    setPanel('none');
    setStatus(() => (d: Dict) => d.bill.evidenceSaved);
    await load();
  };

  const state = bill?.status ?? null;
  const canPay = isCounter && state === 'unpaid' && receipt === null;
  const canIssueBank = isCounter && state === 'paid' && receipt === null;
  const canAct = !isBusy && !isCancelling;
  useShortcuts([
    { shortcut: SHORTCUTS.home, run: onHome, enabled: !isCancelling },
    { shortcut: SHORTCUTS.cash, run: () => setPanel('cash'), enabled: canPay && canAct },
    { shortcut: SHORTCUTS.billSlip, run: () => void onSlip(), enabled: canPay && canAct },
    { shortcut: SHORTCUTS.evidence, run: () => setPanel('evidence'), enabled: canPay && canAct },
    { shortcut: SHORTCUTS.cancelReceipt, run: () => setIsCancelling(true), enabled: canPay && canAct },
    { shortcut: SHORTCUTS.issueReceipt, run: () => void issue({ method: 'bill-payment' }), enabled: canIssueBank && canAct },
  ]);

  return (
    <ScreenFrame title={t.bill.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--bill">
      <ScreenToolbar title={t.bill.title} onHome={onHome} />
      <StatusRegion text={status?.(t) ?? null} />
      <ErrorRegion error={error} />
      {bill !== null && (
        <section className="panel bill" aria-labelledby="bill-title">
          <h2 id="bill-title" className="section-title">
            <span lang="th">{bill.payerName}</span> — {formatSatang(bill.amountSatang)} {t.counter.baht}
          </h2>
          <dl className="facts">
            <div><dt>{t.bill.ref1}</dt><dd className="mono" data-testid="bill-ref1">{bill.ref1}</dd></div>
            <div><dt>{t.bill.ref2}</dt><dd className="mono">{bill.ref2}</dd></div>
            <div><dt>{t.bill.requestNo}</dt><dd className="mono">{bill.requestNo}</dd></div>
            <div><dt>{t.bill.revenue}</dt><dd data-testid="bill-revenue"><RevenueName revenueCode={bill.revenueCode} choices={catalog.choices} /></dd></div>
            <div><dt>{t.bill.dueDate}</dt><dd>{formatBusinessDate(bill.dueDate, language)}</dd></div>
            <div><dt>{t.bill.status}</dt><dd><span className={`badge badge--${bill.status}`}>{t.counter.billStatus[bill.status]}</span></dd></div>
          </dl>
          {!isCounter && <p className="notice notice--info">{t.bill.notCounter}</p>}
          {/* In a live region, so that a cancellation just made is announced once. */}
          <div role="status" aria-live="polite" aria-atomic="true">
            {state === 'cancelled' && <p className="notice notice--error" data-testid="request-cancelled">{t.bill.cancelledNote}</p>}
          </div>
          {state === 'receipted' && receipt === null && (
            <div className="form-actions">
              <p className="notice notice--info">{t.bill.receiptedNote}</p>
              {existing !== null && (
                <button type="button" className="button" onClick={() => onOpen({ screen: 'receipt', ...existing })}>
                  {t.bill.openReceipt}
                </button>
              )}
            </div>
          )}
          {canPay && (
            <div className="choices" role="group" aria-label={t.bill.chooseHeading}>
              <button type="button" className="button button--primary button--large" onClick={() => setPanel('cash')} disabled={isBusy} aria-keyshortcuts="Alt+C" autoFocus>
                {t.bill.cash} <ShortcutHint shortcut={SHORTCUTS.cash} />
              </button>
              <button type="button" className="button button--large" onClick={() => void onSlip()} disabled={isBusy} aria-keyshortcuts="Alt+B">
                {t.bill.billSlip} <ShortcutHint shortcut={SHORTCUTS.billSlip} />
              </button>
              <button type="button" className="button" onClick={() => setPanel('evidence')} disabled={isBusy} aria-keyshortcuts="Alt+E">
                {t.bill.evidence} <ShortcutHint shortcut={SHORTCUTS.evidence} />
              </button>
              <button type="button" className="button button--danger" onClick={() => setIsCancelling(true)} disabled={isBusy} aria-keyshortcuts={SHORTCUTS.cancelReceipt.label}>
                {t.bill.cancelRequest} <ShortcutHint shortcut={SHORTCUTS.cancelReceipt} />
              </button>
            </div>
          )}
          {canIssueBank && (
            <div className="choices">
              <button type="button" className="button button--primary button--large" onClick={() => void issue({ method: 'bill-payment' })} disabled={isBusy} aria-keyshortcuts="Alt+I" autoFocus>
                {isBusy ? t.bill.issuing : t.bill.issueBillPayment} <ShortcutHint shortcut={SHORTCUTS.issueReceipt} />
              </button>
            </div>
          )}
        </section>
      )}
      {canPay && panel === 'cash' && (
        <form className="panel form-panel" onSubmit={onCash} noValidate aria-label={t.bill.cash}>
          <SelectField
            label={t.bill.method}
            value={method}
            onChange={(event) => setMethod(event.target.value as Method)}
            options={METHODS.map((m) => ({ value: m, label: t.counter.methods[m] }))}
          />
          {method !== 'cash' && (
            <div className="form-row">
              <TextField label={t.bill.bankName} value={detail.bankName} onChange={(e) => setDetail({ ...detail, bankName: e.target.value })} isRequired lang="th" />
              <TextField label={t.bill.branch} value={detail.branch} onChange={(e) => setDetail({ ...detail, branch: e.target.value })} lang="th" />
              <TextField label={t.bill.instrumentNo} value={detail.instrumentNo} onChange={(e) => setDetail({ ...detail, instrumentNo: e.target.value })} isRequired />
              <BeDateField label={t.bill.instrumentDate} value={detail.instrumentDate} onChange={(instrumentDate) => setDetail({ ...detail, instrumentDate })} isRequired />
            </div>
          )}
          <p className="amount-line">{t.newRequest.amountShown(bill === null ? '' : formatSatang(bill.amountSatang))}</p>
          <div className="form-actions">
            <button type="submit" className="button button--primary button--large" disabled={isBusy}>
              {isBusy ? t.bill.issuing : t.bill.confirmCash}
            </button>
            <button type="button" className="button" onClick={() => setPanel('none')} disabled={isBusy}>
              {t.approval.cancel}
            </button>
          </div>
        </form>
      )}
      {canPay && panel === 'evidence' && (
        <form className="panel form-panel" onSubmit={(e) => void onEvidence(e)} noValidate aria-label={t.bill.evidence}>
          <p className="panel__text">{t.bill.evidenceIntro}</p>
          <div className="form-row">
            <TextField label={t.bill.bankCode} value={evidence.bankCode} onChange={(e) => setEvidence({ ...evidence, bankCode: e.target.value })} inputMode="numeric" maxLength={3} isRequired />
            <TextField label={t.bill.bankReference} value={evidence.bankReference} onChange={(e) => setEvidence({ ...evidence, bankReference: e.target.value })} maxLength={40} isRequired />
            <TextField label={t.bill.paidAt} type="datetime-local" value={evidence.paidAt} onChange={(e) => setEvidence({ ...evidence, paidAt: e.target.value })} isRequired />
            <TextField label={t.bill.paidAmount} value={evidence.amountText} onChange={(e) => setEvidence({ ...evidence, amountText: e.target.value })} inputMode="decimal" isRequired />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={isBusy}>
              {t.bill.saveEvidence}
            </button>
            <button type="button" className="button" onClick={() => setPanel('none')} disabled={isBusy}>
              {t.approval.cancel}
            </button>
          </div>
        </form>
      )}
      {receipt !== null && (
        <>
          <PrintPanel request={request} book={receipt.receiptBook} number={receipt.receiptNo} startAtOnce />
          <div className="form-actions">
            <button type="button" className="button" onClick={() => onOpen({ screen: 'receipt', book: receipt.receiptBook, number: receipt.receiptNo })}>
              {t.bill.openReceipt}
            </button>
          </div>
        </>
      )}
      {isCancelling && (
        <ApprovalDialog
          kind="request-cancel"
          ref1={ref1}
          user={user}
          request={request}
          onClose={() => setIsCancelling(false)}
          onDone={() => {
            setIsCancelling(false);
            setPanel('none');
            // The cancelled state is said by the bill's own note once it is read again.
            setStatus(null);
            void load();
          }}
        />
      )}
    </ScreenFrame>
  );
}
