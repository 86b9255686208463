import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ReplyError, RequestOutput } from '../../../src-shared/contract';
import { formatSatang } from '../../../src-shared/money';
import type { CounterTarget } from '../../app/route';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { ErrorRegion, StatusRegion } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { BeDateField } from '../../components/be-date-field';
import { formatBusinessDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { ScreenToolbar } from './screen-toolbar';
import type { ScreenProps } from '../../app/screen-props';

export interface AuditScreenProps extends ScreenProps {
  readonly onOpen: (target: CounterTarget) => void;
}

/**
 * ตรวจสอบ (seed 001 §9): read-only. The ledger verification result (ledger.verify) and the receipt
 * register of a day (record.search by date). Only queries are called from this screen.
 */
export function AuditScreen({ info, user, request, onOpen, onHome, onLogout, isLoggingOut }: AuditScreenProps) {
  const { t, language } = useI18n();
  const [verify, setVerify] = useState<RequestOutput<'ledger.verify'> | null>(null);
  const [isVerifying, setIsVerifying] = useState(false);
  const [date, setDate] = useState(info?.businessDate ?? '');
  const [rows, setRows] = useState<RequestOutput<'record.search'>['rows'] | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  useShortcuts([{ shortcut: SHORTCUTS.home, run: onHome }]);

  const runVerify = useCallback(async () => {
    setIsVerifying(true);
    const reply = await request('ledger.verify', {});
    setIsVerifying(false);
    if (reply.ok) setVerify(reply.value);
    else setError(reply.error);
  }, [request]);
  const showRegister = useCallback(
    async (day: string) => {
      if (day === '') return;
      const reply = await request('record.search', { businessDate: day });
      if (reply.ok) setRows(reply.value.rows.filter((row) => row.receipt !== null));
      else setError(reply.error);
    },
    [request],
  );
  useEffect(() => {
    void runVerify();
  }, [runVerify]);
  useEffect(() => {
    if (info !== null) {
      setDate(info.businessDate);
      void showRegister(info.businessDate);
    }
  }, [info, showRegister]);

  return (
    <ScreenFrame title={t.audit.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--audit">
      <ScreenToolbar title={t.audit.title} onHome={onHome} />
      <p className="notice notice--info">{t.audit.intro}</p>
      <ErrorRegion error={error} />
      <section className="panel" aria-labelledby="verify-title" aria-busy={isVerifying}>
        <h2 id="verify-title" className="section-title">
          {t.audit.verifyHeading}
        </h2>
        <StatusRegion text={isVerifying ? t.audit.verifying : null} />
        {verify !== null && (
          <>
            <p className={`notice ${verify.problems.length === 0 ? 'notice--ok' : 'notice--error'}`}>
              {verify.problems.length === 0 ? t.audit.verifyOk(verify.entries) : t.audit.verifyProblems(verify.problems.length)}
            </p>
            <p className="panel__text">
              {t.audit.headHash}: <code className="mono hash">{verify.headHash}</code>
            </p>
            {verify.problems.length > 0 && (
              <ul className="plain-list" lang="en">
                {verify.problems.map((p, i) => (
                  <li key={i}>
                    #{p.seq ?? '—'} {p.rule}: {p.detail}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <div className="form-actions">
          <button type="button" className="button" disabled={isVerifying} onClick={() => void runVerify()}>
            {t.audit.verify}
          </button>
        </div>
      </section>
      <section className="panel" aria-labelledby="register-title">
        <h2 id="register-title" className="section-title">
          {t.audit.registerHeading} {date === '' ? '' : formatBusinessDate(date, language)}
        </h2>
        <form
          className="form-row"
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault();
            void showRegister(date);
          }}
        >
          <BeDateField label={t.audit.date} value={date} onChange={setDate} />
          <div className="form-actions">
            <button type="submit" className="button">
              {t.audit.show}
            </button>
          </div>
        </form>
        {rows !== null && rows.length === 0 && <p className="panel__text">{t.counter.none}</p>}
        {rows !== null && rows.length > 0 && (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.search.columns.receipt}</th>
                  <th scope="col">{t.search.columns.payer}</th>
                  <th scope="col">{t.receipt.method}</th>
                  <th scope="col">{t.search.columns.amount}</th>
                  <th scope="col">{t.search.columns.status}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) =>
                  row.receipt === null ? null : (
                    <tr key={row.receipt.receiptId} className={row.receipt.isCancelled ? 'table__row--disabled' : undefined}>
                      <td>
                        <button type="button" className="link-button" onClick={() => row.receipt !== null && onOpen({ screen: 'receipt', book: row.receipt.receiptBook, number: row.receipt.receiptNo })}>
                          {t.search.openReceipt(row.receipt.receiptBook, row.receipt.receiptNo)}
                        </button>
                      </td>
                      <td lang="th">{row.payerName}</td>
                      <td>{t.counter.methods[row.receipt.method]}</td>
                      <td className="table__number">{formatSatang(row.receipt.amountSatang)}</td>
                      <td>{row.receipt.isCancelled ? t.receipt.cancelledBanner : row.receipt.isPrinted ? t.receipt.printed : t.receipt.notPrinted}</td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </ScreenFrame>
  );
}
