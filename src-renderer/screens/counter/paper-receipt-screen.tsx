import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ReplyError, RequestInput, RequestOutput } from '../../../src-shared/contract';
import { formatSatang, parseAmount } from '../../../src-shared/money';
import { mayCall } from '../../app/permissions';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { ErrorRegion, StatusRegion } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { SelectField } from '../../components/select-field';
import { BeDateField } from '../../components/be-date-field';
import { TextField } from '../../components/text-field';
import { amountAfterChoice } from '../../forms/revenue-choices';
import { formatBusinessDate, formatMoment } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { errorMessage } from '../../i18n/messages';
import type { Dict } from '../../i18n/th';
import type { Outage } from './outage-state';
import type { Phrase } from './phrase';
import { RevenueField, useRevenueChoices } from './revenue-field';
import { ScreenToolbar } from './screen-toolbar';
import type { ScreenProps } from '../../app/screen-props';

export type PaperReceiptScreenProps = ScreenProps;

type FieldOrder = RequestOutput<'field.list'>['orders'][number];
type Method = 'cash' | 'cheque' | 'draft' | 'cashier-cheque';
const METHODS: readonly Method[] = ['cash', 'cheque', 'draft', 'cashier-cheque'];
const WHOLE_NUMBER = /^\d{1,7}$/;

interface Draft {
  readonly source: string;
  readonly paperDate: string;
  readonly bookNo: string;
  readonly leaf: string;
  readonly payerName: string;
  readonly revenueCode: string;
  readonly amountText: string;
  readonly method: Method;
  readonly bankName: string;
  readonly branch: string;
  readonly instrumentNo: string;
  readonly instrumentDate: string;
  readonly ref1: string;
}

/** "outage:<id>" or "field:<id>" → the one source the contract asks for. */
function sourceOf(value: string): { outageId: string } | { fieldOrderId: string } | null {
  if (value.startsWith('outage:')) return { outageId: value.slice('outage:'.length) };
  if (value.startsWith('field:')) return { fieldOrderId: value.slice('field:'.length) };
  return null;
}

/**
 * บันทึกใบเสร็จเล่มกระดาษ (issue 8): a receipt written by hand during an outage or on a field
 * collection is keyed into the receipt register: its paper date, book and leaf, payer, revenue
 * code (from `catalog.list`: the fine laws and the active fee types, a fixed fee's amount
 * prefilled; read again on Alt+R and after a REVENUE_CODE_UNKNOWN), amount (strict satang), method
 * and an optional Ref1. Main decides every rule; a refusal is shown with its message and changes nothing.
 */
export function PaperReceiptScreen({ info, user, request, onHome, onLogout, isLoggingOut }: PaperReceiptScreenProps) {
  const { t, language } = useI18n();
  const today = info?.businessDate ?? '';
  const empty: Draft = { source: '', paperDate: today, bookNo: '', leaf: '', payerName: '', revenueCode: '', amountText: '', method: 'cash', bankName: '', branch: '', instrumentNo: '', instrumentDate: today, ref1: '' };
  const [draft, setDraft] = useState<Draft>(empty);
  const [outages, setOutages] = useState<readonly Outage[]>([]);
  const [orders, setOrders] = useState<readonly FieldOrder[]>([]);
  const [keyed, setKeyed] = useState<readonly RequestOutput<'paperReceipt.key'>[]>([]);
  const [error, setError] = useState<ReplyError | null>(null);
  const [status, setStatus] = useState<Phrase | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [isTried, setIsTried] = useState(false);
  const catalog = useRevenueChoices(request);
  const { choices } = catalog;

  const load = useCallback(async () => {
    const [o, f] = await Promise.all([request('outage.list', {}), mayCall(user.role, 'field.list') ? request('field.list', {}) : Promise.resolve(null)]);
    if (o.ok) {
      setOutages(o.value.outages);
      const latest = o.value.outages.at(-1);
      if (latest !== undefined) setDraft((d) => (d.source === '' ? { ...d, source: `outage:${latest.outageId}` } : d));
    } else setError(o.error);
    if (f !== null && f.ok) setOrders(f.value.orders.filter((order) => !order.isHandedOver));
  }, [request, user.role]);
  useEffect(() => {
    void load();
  }, [load]);
  useShortcuts([
    { shortcut: SHORTCUTS.home, run: onHome, enabled: !isBusy },
    {
      shortcut: SHORTCUTS.refresh,
      run: () => {
        void load();
        void catalog.reload();
      },
      enabled: !isBusy,
    },
  ]);

  const change = (part: Partial<Draft>): void => setDraft((d) => ({ ...d, ...part }));
  const amount = parseAmount(draft.amountText, { allowZero: false });
  const amountError = !isTried || amount.ok ? null : amount.error.code === 'MONEY_EMPTY' ? t.paperReceipt.required : errorMessage(t, amount.error.code);
  const leafError = isTried && !WHOLE_NUMBER.test(draft.leaf.trim()) ? t.paperReceipt.leafProblem : null;
  const required = (text: string): string | null => (isTried && text.trim() === '' ? t.paperReceipt.required : null);
  const chosen = draft.revenueCode === '' ? undefined : choices.find(draft.revenueCode);
  const revenueError = draft.revenueCode !== '' && catalog.isLoaded && chosen === undefined ? errorMessage(t, 'REVENUE_CODE_UNKNOWN') : required(draft.revenueCode);
  const sourceOptions = [
    ...[...outages].reverse().map((o) => ({ value: `outage:${o.outageId}`, label: t.paperReceipt.outageOption(formatMoment(o.startedAtMs, language), o.cause) })),
    ...orders.map((o) => ({ value: `field:${o.orderId}`, label: t.paperReceipt.orderOption(o.orderNo, o.placeText) })),
  ];

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setIsTried(true);
    setStatus(null);
    const source = sourceOf(draft.source);
    if (source === null || !amount.ok || !WHOLE_NUMBER.test(draft.leaf.trim()) || draft.payerName.trim() === '' || draft.revenueCode === '' || draft.bookNo.trim() === '') return;
    const branch = draft.branch.trim();
    const payment: RequestInput<'paperReceipt.key'>['payment'] =
      draft.method === 'cash' ? { method: 'cash' } : { method: draft.method, detail: { bankName: draft.bankName.trim(), instrumentNo: draft.instrumentNo.trim(), instrumentDate: draft.instrumentDate, ...(branch === '' ? {} : { branch }) } };
    const ref1 = draft.ref1.trim();
    setIsBusy(true);
    setError(null);
    const reply = await request('paperReceipt.key', {
      ...source,
      bookNo: draft.bookNo.trim().toUpperCase(),
      leaf: Number(draft.leaf.trim()),
      paperDate: draft.paperDate,
      payerName: draft.payerName.trim(),
      revenueCode: draft.revenueCode,
      amountSatang: amount.value,
      payment,
      ...(ref1 === '' ? {} : { ref1 }),
    });
    setIsBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      // The catalog changed under the form (a pull made the code inactive): read it again.
      if (reply.error.code === 'REVENUE_CODE_UNKNOWN') await catalog.reload();
      return;
    }
    const done = reply.value;
    setKeyed((list) => [done, ...list]);
    setStatus(() => (d: Dict) => d.paperReceipt.keyed(done.receiptBook, done.receiptNo));
    setIsTried(false);
    // The next leaf of the same book and source is the usual next paper to key.
    setDraft((d) => ({ ...empty, source: d.source, bookNo: d.bookNo, paperDate: d.paperDate, leaf: String(done.receiptNo + 1) }));
  };

  return (
    <ScreenFrame title={t.paperReceipt.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--paper-receipt">
      <ScreenToolbar title={t.paperReceipt.title} onHome={onHome} />
      <form className="panel form-panel" onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t.paperReceipt.title} aria-busy={isBusy}>
        <p className="panel__text">{t.paperReceipt.intro}</p>
        <div className="form-row">
          <SelectField label={t.paperReceipt.source} value={draft.source} onChange={(e) => change({ source: e.target.value })} options={sourceOptions} placeholder={t.paperReceipt.sourcePlaceholder} error={isTried && draft.source === '' ? t.paperReceipt.required : null} isRequired autoFocus />
          <BeDateField label={t.paperReceipt.paperDate} value={draft.paperDate} onChange={(paperDate) => change({ paperDate })} isRequired />
        </div>
        <div className="form-row">
          <TextField label={t.paperReceipt.book} value={draft.bookNo} onChange={(e) => change({ bookNo: e.target.value })} maxLength={32} autoComplete="off" spellCheck={false} error={required(draft.bookNo)} isRequired />
          <TextField label={t.paperReceipt.leaf} value={draft.leaf} onChange={(e) => change({ leaf: e.target.value })} inputMode="numeric" maxLength={7} error={leafError} isRequired />
          <TextField label={t.paperReceipt.payerName} value={draft.payerName} onChange={(e) => change({ payerName: e.target.value })} maxLength={200} lang="th" error={required(draft.payerName)} isRequired className="field--grow" />
        </div>
        <div className="form-row">
          <RevenueField
            label={t.paperReceipt.revenueCode}
            placeholder={t.paperReceipt.revenuePlaceholder}
            fineNeeds={t.revenueChoice.fineAmount}
            choices={choices}
            isLoaded={catalog.isLoaded}
            value={draft.revenueCode}
            onChange={(e) => change({ revenueCode: e.target.value, amountText: amountAfterChoice(draft.amountText, chosen, choices.find(e.target.value)) })}
            error={revenueError}
          />
        </div>
        <div className="form-row">
          <TextField
            label={t.paperReceipt.amount}
            value={draft.amountText}
            onChange={(e) => change({ amountText: e.target.value })}
            inputMode="decimal"
            error={amountError}
            isRequired
            after={amount.ok ? <p className="field__ok">{t.paperReceipt.amountShown(formatSatang(amount.value))}</p> : null}
          />
          <SelectField label={t.paperReceipt.method} value={draft.method} onChange={(e) => change({ method: e.target.value as Method })} options={METHODS.map((m) => ({ value: m, label: t.counter.methods[m] }))} />
          <TextField label={t.paperReceipt.ref1} hint={t.paperReceipt.ref1Hint} value={draft.ref1} onChange={(e) => change({ ref1: e.target.value })} inputMode="numeric" maxLength={15} autoComplete="off" />
        </div>
        {draft.method !== 'cash' && (
          <div className="form-row">
            <TextField label={t.bill.bankName} value={draft.bankName} onChange={(e) => change({ bankName: e.target.value })} isRequired />
            <TextField label={t.bill.branch} value={draft.branch} onChange={(e) => change({ branch: e.target.value })} />
            <TextField label={t.bill.instrumentNo} value={draft.instrumentNo} onChange={(e) => change({ instrumentNo: e.target.value })} isRequired />
            <BeDateField label={t.bill.instrumentDate} value={draft.instrumentDate} onChange={(instrumentDate) => change({ instrumentDate })} isRequired />
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isBusy}>
            {t.paperReceipt.save}
          </button>
        </div>
      </form>
      <StatusRegion text={status?.(t) ?? null} />
      <ErrorRegion error={error ?? catalog.error} />
      {keyed.length > 0 && (
        <section className="panel" aria-labelledby="keyed-title">
          <h2 id="keyed-title" className="section-title">
            {t.paperReceipt.keyedHeading}
          </h2>
          <ul className="plain-list" data-testid="keyed-list">
            {keyed.map((k) => (
              <li key={k.receiptId}>{t.paperReceipt.keyedLine(k.receiptBook, k.receiptNo, formatBusinessDate(k.businessDate, language), formatSatang(k.amountSatang))}</li>
            ))}
          </ul>
        </section>
      )}
    </ScreenFrame>
  );
}
