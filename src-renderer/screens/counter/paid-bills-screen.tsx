import { useCallback, useEffect, useState } from 'react';
import type { ReplyError, RequestOutput } from '../../../src-shared/contract';
import { formatSatang } from '../../../src-shared/money';
import { isCounterRole } from '../../app/permissions';
import type { CounterTarget } from '../../app/route';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { ErrorRegion, StatusRegion } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { ShortcutHint } from '../../components/shortcut-hint';
import { formatMoment } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { Dict } from '../../i18n/th';
import type { Phrase } from './phrase';
import { ScreenToolbar } from './screen-toolbar';
import type { ScreenProps } from '../../app/screen-props';

export interface PaidBillsScreenProps extends ScreenProps {
  readonly onOpen: (target: CounterTarget) => void;
}

type PaidBill = RequestOutput<'bill.paidList'>['bills'][number];

/**
 * รายการชำระแล้ว รอออกใบเสร็จ: bills the bank (file or central) or the payer's evidence confirmed,
 * without a receipt. One by one or a batch: receipt.issue (bill payment) then the original's print
 * job for each, with progress; the first refusal stops the batch and says which bill.
 */
export function PaidBillsScreen({ info, user, request, onOpen, onHome, onLogout, isLoggingOut }: PaidBillsScreenProps) {
  const { t, language } = useI18n();
  const [bills, setBills] = useState<readonly PaidBill[] | null>(null);
  const [isCut, setIsCut] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<ReplyError | null>(null);
  // A status is kept as words to say, not said: it follows a language switch.
  const [status, setStatus] = useState<Phrase | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const isCounter = isCounterRole(user.role);

  const load = useCallback(async () => {
    const reply = await request('bill.paidList', {});
    if (reply.ok) {
      setBills(reply.value.bills);
      setIsCut(reply.value.isCut);
      setSelected((s) => new Set([...s].filter((ref1) => reply.value.bills.some((b) => b.ref1 === ref1))));
    } else setError(reply.error);
  }, [request]);
  useEffect(() => {
    void load();
  }, [load]);

  const issueAll = async (refs: readonly string[]): Promise<void> => {
    setError(null);
    setStatus(null);
    let done = 0;
    setProgress({ done, total: refs.length });
    for (const ref1 of refs) {
      const issued = await request('receipt.issue', { ref1, payment: { method: 'bill-payment' } });
      if (!issued.ok) {
        setError({ ...issued.error, message: `${ref1}: ${issued.error.message}` });
        break;
      }
      const printed = await request('print.receiptOriginal', { book: issued.value.receiptBook, number: issued.value.receiptNo });
      if (!printed.ok) setError(printed.error);
      done += 1;
      setProgress({ done, total: refs.length });
    }
    setProgress(null);
    if (done > 0) setStatus(() => (d: Dict) => d.paidBills.done(done));
    await load();
  };

  const isBusy = progress !== null;
  useShortcuts([
    { shortcut: SHORTCUTS.home, run: onHome, enabled: !isBusy },
    { shortcut: SHORTCUTS.refresh, run: () => void load(), enabled: !isBusy },
    { shortcut: SHORTCUTS.issueReceipt, run: () => void issueAll([...selected]), enabled: isCounter && !isBusy && selected.size > 0 },
  ]);

  const all = bills ?? [];
  return (
    <ScreenFrame title={t.paidBills.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--paid-bills">
      <ScreenToolbar title={t.paidBills.title} onHome={onHome}>
        {isCounter && (
          <button type="button" className="button button--primary" disabled={isBusy || selected.size === 0} onClick={() => void issueAll([...selected])} aria-keyshortcuts="Alt+I">
            {t.paidBills.issueSelected(selected.size)} <ShortcutHint shortcut={SHORTCUTS.issueReceipt} />
          </button>
        )}
        <button type="button" className="button" disabled={isBusy} onClick={() => void load()} aria-keyshortcuts="Alt+R">
          {t.counter.refresh} <ShortcutHint shortcut={SHORTCUTS.refresh} />
        </button>
      </ScreenToolbar>
      <p className="screen__intro">{t.paidBills.intro}</p>
      <StatusRegion text={progress === null ? (status?.(t) ?? null) : t.paidBills.progress(progress.done, progress.total)} />
      <ErrorRegion error={error} />
      <section className="panel" aria-label={t.paidBills.title} aria-busy={isBusy}>
        {bills === null ? (
          <p className="panel__text">{t.counter.loading}</p>
        ) : all.length === 0 ? (
          <p className="panel__text">{t.paidBills.empty}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  {isCounter && (
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label={t.paidBills.selectAll}
                        checked={selected.size === all.length}
                        onChange={(e) => setSelected(e.target.checked ? new Set(all.map((b) => b.ref1)) : new Set())}
                      />
                    </th>
                  )}
                  <th scope="col">{t.paidBills.columns.ref1}</th>
                  <th scope="col">{t.paidBills.columns.payer}</th>
                  <th scope="col">{t.paidBills.columns.amount}</th>
                  <th scope="col">{t.paidBills.columns.source}</th>
                  <th scope="col">{t.paidBills.columns.paidAt}</th>
                  <th scope="col">{t.paidBills.columns.action}</th>
                </tr>
              </thead>
              <tbody>
                {all.map((bill) => (
                  <tr key={bill.ref1} className={bill.source === 'provisional' ? 'table__row--flagged' : undefined}>
                    {isCounter && (
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t.paidBills.select(bill.ref1)}
                          checked={selected.has(bill.ref1)}
                          onChange={(e) => {
                            const next = new Set(selected);
                            if (e.target.checked) next.add(bill.ref1);
                            else next.delete(bill.ref1);
                            setSelected(next);
                          }}
                        />
                      </td>
                    )}
                    <td className="table__mono">{bill.ref1}</td>
                    <td lang="th">{bill.payerName}</td>
                    <td className="table__number">{formatSatang(bill.paidAmountSatang)}</td>
                    <td>{t.counter.sources[bill.source]}</td>
                    <td>{formatMoment(bill.paidAtMs, language)}</td>
                    <td className="table__actions">
                      {isCounter && (
                        <button type="button" className="button button--small button--primary" disabled={isBusy} onClick={() => void issueAll([bill.ref1])}>
                          {t.paidBills.issueOne}
                        </button>
                      )}
                      <button type="button" className="button button--small" onClick={() => onOpen({ screen: 'bill', ref1: bill.ref1 })}>
                        {t.search.openBill(bill.ref1)}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {isCut && <p className="panel__text">{t.counter.cut(all.length)}</p>}
      </section>
    </ScreenFrame>
  );
}
