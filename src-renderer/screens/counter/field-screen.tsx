import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ReplyError, RequestOutput } from '../../../src-shared/contract';
import { formatSatang, parseAmount } from '../../../src-shared/money';
import { mayCall } from '../../app/permissions';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { BeDateField } from '../../components/be-date-field';
import { ErrorRegion, StatusRegion } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { SelectField } from '../../components/select-field';
import { ShortcutHint } from '../../components/shortcut-hint';
import { TextField } from '../../components/text-field';
import { formatBusinessDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { errorMessage } from '../../i18n/messages';
import type { Dict } from '../../i18n/th';
import type { Phrase } from './phrase';
import { ScreenToolbar } from './screen-toolbar';
import type { ScreenProps } from '../../app/screen-props';

export type FieldScreenProps = ScreenProps;

type FieldOrder = RequestOutput<'field.list'>['orders'][number];
type Officer = RequestOutput<'user.list'>['users'][number];

/** One range of leaves taken, as typed (checked by the contract in main). */
interface RangeDraft {
  readonly bookNo: string;
  readonly firstLeaf: string;
  readonly lastLeaf: string;
}

interface OrderDraft {
  readonly orderNo: string;
  readonly officerUsername: string;
  readonly placeText: string;
  readonly fromDate: string;
  readonly toDate: string;
  readonly ranges: readonly RangeDraft[];
  readonly takesThisTerminal: boolean;
}

const WHOLE_NUMBER = /^\d{1,7}$/;

/** A typed leaf number, or NaN (main then refuses it with BAD_INPUT: the screen never guesses). */
function leafOf(text: string): number {
  return WHOLE_NUMBER.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

function stateOf(order: FieldOrder, t: Dict): { text: string; tone: 'warn' | 'ok' | 'plain' } {
  if (order.handover !== null) return { text: order.handover.isLate ? t.field.states.handedInLate : t.field.states.handedIn, tone: 'ok' };
  return order.isOverdue ? { text: t.field.states.overdue, tone: 'warn' } : { text: t.field.states.out, tone: 'plain' };
}

/**
 * ออกไปรับเงินนอกสำนักงาน (issue 8, seed 001 §4): the head of unit records the order (officer,
 * dates, place, the books or leaves taken, and whether this terminal — a laptop — goes too); every
 * order is listed with its state (overdue highlighted); finance or the operator receives the money
 * back: counted against the receipts (paper leaves keyed + the laptop's electronic receipts), a
 * variance with its reason. Main decides every rule and each refusal changes nothing.
 */
export function FieldScreen({ info, user, request, onHome, onLogout, isLoggingOut }: FieldScreenProps) {
  const { t, language } = useI18n();
  const today = info?.businessDate ?? '';
  const emptyOrder: OrderDraft = { orderNo: '', officerUsername: '', placeText: '', fromDate: today, toDate: today, ranges: [{ bookNo: '', firstLeaf: '', lastLeaf: '' }], takesThisTerminal: false };
  const [orders, setOrders] = useState<readonly FieldOrder[] | null>(null);
  const [officers, setOfficers] = useState<readonly Officer[] | null>(null);
  const [draft, setDraft] = useState<OrderDraft>(emptyOrder);
  const [isOrderTried, setIsOrderTried] = useState(false);
  const [handoverOrderId, setHandoverOrderId] = useState('');
  const [countedText, setCountedText] = useState('');
  const [reason, setReason] = useState('');
  const [isHandoverTried, setIsHandoverTried] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const [status, setStatus] = useState<Phrase | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const mayOrder = mayCall(user.role, 'field.order');
  const mayHandOver = mayCall(user.role, 'field.handover');

  const load = useCallback(async () => {
    const reply = await request('field.list', {});
    if (reply.ok) setOrders(reply.value.orders);
    else setError(reply.error);
    if (mayCall(user.role, 'user.list')) {
      const users = await request('user.list', { includeDisabled: false });
      if (users.ok) setOfficers(users.value.users);
    }
  }, [request, user.role]);
  useEffect(() => {
    void load();
  }, [load]);

  const addRange = (): void => setDraft((d) => ({ ...d, ranges: [...d.ranges, { bookNo: '', firstLeaf: '', lastLeaf: '' }] }));
  useShortcuts([
    { shortcut: SHORTCUTS.home, run: onHome, enabled: !isBusy },
    { shortcut: SHORTCUTS.refresh, run: () => void load(), enabled: !isBusy },
    { shortcut: SHORTCUTS.addRange, run: addRange, enabled: !isBusy && mayOrder },
  ]);

  const change = (part: Partial<OrderDraft>): void => setDraft((d) => ({ ...d, ...part }));
  const setRange = (index: number, part: Partial<RangeDraft>): void => setDraft((d) => ({ ...d, ranges: d.ranges.map((r, i) => (i === index ? { ...r, ...part } : r)) }));
  const required = (text: string, isTried: boolean): string | null => (isTried && text.trim() === '' ? t.field.required : null);
  const leafError = (text: string): string | null => (isOrderTried && !WHOLE_NUMBER.test(text.trim()) ? t.field.leafProblem : null);

  const onOrder = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setIsOrderTried(true);
    setStatus(null);
    const ranges = draft.ranges.filter((r) => r.bookNo.trim() !== '' || r.firstLeaf.trim() !== '' || r.lastLeaf.trim() !== '');
    if (draft.orderNo.trim() === '' || draft.officerUsername.trim() === '' || draft.placeText.trim() === '') return;
    if (ranges.some((r) => !WHOLE_NUMBER.test(r.firstLeaf.trim()) || !WHOLE_NUMBER.test(r.lastLeaf.trim()))) return;
    setIsBusy(true);
    setError(null);
    const reply = await request('field.order', {
      orderNo: draft.orderNo.trim(),
      officerUsername: draft.officerUsername.trim(),
      placeText: draft.placeText.trim(),
      fromDate: draft.fromDate,
      toDate: draft.toDate,
      leaves: ranges.map((r) => ({ bookNo: r.bookNo.trim().toUpperCase(), firstLeaf: leafOf(r.firstLeaf), lastLeaf: leafOf(r.lastLeaf) })),
      ...(draft.takesThisTerminal ? { takesThisTerminal: true } : {}),
    });
    setIsBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    const orderNo = draft.orderNo.trim();
    const due = formatBusinessDate(reply.value.handoverDueDate, language);
    setStatus(() => (d: Dict) => d.field.ordered(orderNo, due));
    setDraft(emptyOrder);
    setIsOrderTried(false);
    await load();
  };

  const outstanding = (orders ?? []).filter((o) => !o.isHandedOver);
  const chosen = outstanding.find((o) => o.orderId === handoverOrderId) ?? null;
  const counted = parseAmount(countedText, { allowZero: true });
  const varianceSatang = chosen !== null && counted.ok ? counted.value - chosen.receipts.totalSatang : null;
  const countedError = !isHandoverTried || counted.ok ? null : counted.error.code === 'MONEY_EMPTY' ? t.field.required : errorMessage(t, counted.error.code);

  const onHandOver = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setIsHandoverTried(true);
    setStatus(null);
    if (chosen === null || !counted.ok) return;
    setIsBusy(true);
    setError(null);
    // A missing reason for a variance is main's refusal (VARIANCE_REASON_REQUIRED), shown with its message.
    const reply = await request('field.handover', { orderId: chosen.orderId, countedSatang: counted.value, ...(reason.trim() === '' ? {} : { varianceReason: reason.trim() }) });
    setIsBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    const orderNo = chosen.orderNo;
    const done = reply.value;
    setStatus(() => (d: Dict) => d.field.handedOver(orderNo, formatSatang(done.varianceSatang), done.isLate));
    setHandoverOrderId('');
    setCountedText('');
    setReason('');
    setIsHandoverTried(false);
    await load();
  };

  const date = (iso: string): string => formatBusinessDate(iso, language);
  const officerOptions = (officers ?? []).map((o) => ({ value: o.username, label: `${o.username} · ${o.fullNameTh}` }));

  return (
    <ScreenFrame title={t.field.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--field">
      <ScreenToolbar title={t.field.title} onHome={onHome}>
        <button type="button" className="button" onClick={() => void load()} disabled={isBusy} aria-keyshortcuts="Alt+R">
          {t.counter.refresh} <ShortcutHint shortcut={SHORTCUTS.refresh} />
        </button>
      </ScreenToolbar>
      <p className="panel__text">{t.field.intro}</p>
      {mayOrder && (
        <form className="panel form-panel" onSubmit={(e) => void onOrder(e)} noValidate aria-label={t.field.orderHeading} aria-busy={isBusy}>
          <h2 className="section-title">{t.field.orderHeading}</h2>
          <div className="form-row">
            <TextField label={t.field.orderNo} hint={t.field.orderNoHint} value={draft.orderNo} onChange={(e) => change({ orderNo: e.target.value })} maxLength={40} autoComplete="off" spellCheck={false} error={required(draft.orderNo, isOrderTried)} isRequired autoFocus />
            {officers === null ? (
              <TextField label={t.field.officer} value={draft.officerUsername} onChange={(e) => change({ officerUsername: e.target.value })} maxLength={32} autoComplete="off" spellCheck={false} error={required(draft.officerUsername, isOrderTried)} isRequired />
            ) : (
              <SelectField label={t.field.officer} value={draft.officerUsername} onChange={(e) => change({ officerUsername: e.target.value })} options={officerOptions} placeholder={t.field.officer} error={required(draft.officerUsername, isOrderTried)} isRequired />
            )}
            <TextField label={t.field.place} value={draft.placeText} onChange={(e) => change({ placeText: e.target.value })} maxLength={200} lang="th" error={required(draft.placeText, isOrderTried)} isRequired className="field--grow" />
          </div>
          <div className="form-row">
            <BeDateField label={t.field.fromDate} value={draft.fromDate} onChange={(iso) => change({ fromDate: iso })} isRequired />
            <BeDateField label={t.field.toDate} value={draft.toDate} onChange={(iso) => change({ toDate: iso })} isRequired />
          </div>
          {draft.ranges.map((r, i) => (
            <fieldset key={i} className="form-row range-row">
              <legend className="field__label">{t.field.leavesLegend(i + 1)}</legend>
              <TextField label={t.field.book} value={r.bookNo} onChange={(e) => setRange(i, { bookNo: e.target.value })} maxLength={32} autoComplete="off" spellCheck={false} />
              <TextField label={t.field.firstLeaf} value={r.firstLeaf} onChange={(e) => setRange(i, { firstLeaf: e.target.value })} inputMode="numeric" maxLength={7} error={r.bookNo.trim() === '' ? null : leafError(r.firstLeaf)} />
              <TextField label={t.field.lastLeaf} value={r.lastLeaf} onChange={(e) => setRange(i, { lastLeaf: e.target.value })} inputMode="numeric" maxLength={7} error={r.bookNo.trim() === '' ? null : leafError(r.lastLeaf)} />
              <button type="button" className="button button--small" onClick={() => setDraft((d) => ({ ...d, ranges: d.ranges.filter((_, j) => j !== i) }))} disabled={isBusy}>
                {t.field.removeRange}
              </button>
            </fieldset>
          ))}
          <label className="checkbox">
            <input type="checkbox" checked={draft.takesThisTerminal} onChange={(e) => change({ takesThisTerminal: e.target.checked })} aria-describedby="field-terminal-hint" />
            {t.field.takesTerminal}
          </label>
          <p id="field-terminal-hint" className="field__hint">
            {t.field.takesTerminalHint}
          </p>
          <div className="form-actions">
            <button type="button" className="button" onClick={addRange} disabled={isBusy} aria-keyshortcuts="Alt+A">
              {t.field.addRange} <ShortcutHint shortcut={SHORTCUTS.addRange} />
            </button>
            <button type="submit" className="button button--primary" disabled={isBusy}>
              {t.field.save}
            </button>
          </div>
        </form>
      )}
      {mayHandOver && (
        <form className="panel form-panel" onSubmit={(e) => void onHandOver(e)} noValidate aria-label={t.field.handoverHeading} aria-busy={isBusy}>
          <h2 className="section-title">{t.field.handoverHeading}</h2>
          {orders !== null && outstanding.length === 0 ? (
            <p className="panel__text">{t.field.nothingOut}</p>
          ) : (
            <>
              <div className="form-row">
                <SelectField
                  label={t.field.handoverOrder}
                  value={handoverOrderId}
                  onChange={(e) => setHandoverOrderId(e.target.value)}
                  options={outstanding.map((o) => ({ value: o.orderId, label: t.field.orderOption(o.orderNo, o.officerUsername ?? '', date(o.handoverDueDate)) }))}
                  placeholder={t.field.handoverPlaceholder}
                  error={isHandoverTried && chosen === null ? t.field.required : null}
                  isRequired
                  autoFocus={!mayOrder}
                  className="field--grow"
                />
              </div>
              {chosen !== null && (
                <p className="panel__text" data-testid="handover-expected">
                  {t.field.expected(formatSatang(chosen.receipts.totalSatang), chosen.receipts.paperCount, formatSatang(chosen.receipts.paperSatang), chosen.receipts.electronicCount, formatSatang(chosen.receipts.electronicSatang))}
                </p>
              )}
              <div className="form-row">
                <TextField
                  label={t.field.counted}
                  value={countedText}
                  onChange={(e) => setCountedText(e.target.value)}
                  inputMode="decimal"
                  error={countedError}
                  isRequired
                  after={varianceSatang === null ? null : <p className={varianceSatang === 0 ? 'field__ok' : 'field__warning'} data-testid="handover-variance">{varianceSatang === 0 ? t.field.noVariance : t.field.variance(formatSatang(varianceSatang))}</p>}
                />
                <TextField label={t.field.reason} hint={varianceSatang !== null && varianceSatang !== 0 ? t.field.reasonRequired : undefined} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} lang="th" isRequired={varianceSatang !== null && varianceSatang !== 0} className="field--grow" />
              </div>
              <div className="form-actions">
                <button type="submit" className="button button--primary" disabled={isBusy}>
                  {t.field.handOver}
                </button>
              </div>
            </>
          )}
        </form>
      )}
      <StatusRegion text={status?.(t) ?? null} />
      <ErrorRegion error={error} />
      <section className="panel" aria-labelledby="field-orders-title">
        <h2 id="field-orders-title" className="section-title">
          {t.field.listHeading}
        </h2>
        {orders === null ? (
          <p className="panel__text">{t.counter.loading}</p>
        ) : orders.length === 0 ? (
          <p className="panel__text">{t.counter.none}</p>
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="field-orders">
              <thead>
                <tr>
                  <th scope="col">{t.field.columns.order}</th>
                  <th scope="col">{t.field.columns.officer}</th>
                  <th scope="col">{t.field.columns.place}</th>
                  <th scope="col">{t.field.columns.dates}</th>
                  <th scope="col">{t.field.columns.due}</th>
                  <th scope="col">{t.field.columns.taken}</th>
                  <th scope="col" className="table__number">
                    {t.field.columns.receipts}
                  </th>
                  <th scope="col">{t.field.columns.state}</th>
                </tr>
              </thead>
              <tbody>
                {orders.map((o) => {
                  const state = stateOf(o, t);
                  return (
                    <tr key={o.orderId} className={state.tone === 'warn' ? 'table__row--flagged' : undefined} data-testid={`field-order-${o.orderNo}`}>
                      <th scope="row">{o.orderNo}</th>
                      <td>{o.officerUsername ?? ''}</td>
                      <td>{o.placeText}</td>
                      <td>{t.field.dates(formatBusinessDate(o.fromDate, language), formatBusinessDate(o.toDate, language))}</td>
                      <td>{formatBusinessDate(o.handoverDueDate, language)}</td>
                      <td>
                        {[...o.leavesTaken.map((r) => `${r.bookNo}/${r.firstLeaf}–${r.lastLeaf}`), ...(o.terminalSlot === null ? [] : [t.field.laptop(o.terminalSlot)])].join(', ')}
                      </td>
                      <td className="table__number">
                        {formatSatang(o.receipts.totalSatang)}
                        <br />
                        <span className="table__sub">{t.field.receiptsSplit(o.receipts.paperCount, o.receipts.electronicCount)}</span>
                      </td>
                      <td>
                        <strong className={state.tone === 'warn' ? 'state state--warn' : 'state'}>{state.text}</strong>
                        {o.handover !== null && (
                          <>
                            <br />
                            <span className="table__sub">{t.field.handedInLine(formatSatang(o.handover.countedSatang), formatSatang(o.handover.varianceSatang), o.handover.receivedByUsername ?? '', formatBusinessDate(o.handover.businessDate, language))}</span>
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </ScreenFrame>
  );
}
