import { useState, type FormEvent } from 'react';
import type { ReplyError, RequestInput, RequestOutput } from '../../../src-shared/contract';
import { formatSatang } from '../../../src-shared/money';
import type { CounterTarget } from '../../app/route';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { ErrorRegion, StatusRegion } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { TextField } from '../../components/text-field';
import { formatBusinessDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { ScreenToolbar } from './screen-toolbar';
import type { ScreenProps } from '../../app/screen-props';

export interface SearchScreenProps extends ScreenProps {
  readonly onOpen: (target: CounterTarget) => void;
}

type Rows = RequestOutput<'record.search'>['rows'];
const FIELDS = ['ref1', 'ref2', 'payerId', 'name', 'book', 'number', 'businessDate'] as const;
type Field = (typeof FIELDS)[number];

/** Builds record.search's input from what was typed; main validates it (a bad Ref1 is BAD_INPUT with its reason). */
export function searchInputOf(form: Readonly<Record<Field, string>>): RequestInput<'record.search'> {
  const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
  const number = text(form.number);
  const id = text(form.payerId)?.replaceAll('-', '');
  const input: Record<string, string | number> = {};
  for (const [key, value] of [
    ['ref1', text(form.ref1)?.replaceAll(' ', '')],
    ['ref2', text(form.ref2)?.replaceAll(' ', '')],
    ['payerId', id],
    ['name', text(form.name)],
    ['book', text(form.book)?.toUpperCase()],
    ['businessDate', text(form.businessDate)],
  ] as const) {
    if (value !== undefined) input[key] = value;
  }
  if (number !== undefined) input['number'] = /^\d+$/.test(number) ? Number(number) : -1;
  return input;
}

/** ค้นหา: bills and receipts by any of seven criteria; a row opens the bill or its receipt. */
export function SearchScreen({ info, user, request, onOpen, onHome, onLogout, isLoggingOut }: SearchScreenProps) {
  const { t, language } = useI18n();
  const [form, setForm] = useState<Record<Field, string>>({ ref1: '', ref2: '', payerId: '', name: '', book: '', number: '', businessDate: '' });
  const [rows, setRows] = useState<Rows | null>(null);
  const [isCut, setIsCut] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  useShortcuts([{ shortcut: SHORTCUTS.home, run: onHome, enabled: !isBusy }]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    const reply = await request('record.search', searchInputOf(form));
    setIsBusy(false);
    if (reply.ok) {
      setRows(reply.value.rows);
      setIsCut(reply.value.isCut);
    } else setError(reply.error);
  };
  const labels: Record<Field, string> = { ref1: t.search.ref1, ref2: t.search.ref2, payerId: t.search.payerId, name: t.search.name, book: t.search.book, number: t.search.number, businessDate: t.search.date };

  return (
    <ScreenFrame title={t.search.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--search">
      <ScreenToolbar title={t.search.title} onHome={onHome} />
      <form className="panel form-panel" onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t.search.title}>
        <p className="panel__text">{t.search.intro}</p>
        <div className="search-grid">
          {FIELDS.map((field, i) => (
            <TextField
              key={field}
              label={labels[field]}
              value={form[field]}
              onChange={(e) => setForm({ ...form, [field]: e.target.value })}
              type={field === 'businessDate' ? 'date' : 'text'}
              inputMode={field === 'name' || field === 'book' || field === 'businessDate' ? undefined : 'numeric'}
              autoComplete="off"
              autoFocus={i === 0}
              {...(field === 'name' ? { lang: 'th' } : {})}
            />
          ))}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isBusy}>
            {isBusy ? t.search.searching : t.search.submit}
          </button>
        </div>
      </form>
      <ErrorRegion error={error} />
      <StatusRegion text={rows === null ? null : t.search.found(rows.length)} />
      {rows !== null && rows.length > 0 && (
        <section className="panel" aria-label={t.search.found(rows.length)}>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.search.columns.ref1}</th>
                  <th scope="col">{t.search.columns.payer}</th>
                  <th scope="col">{t.search.columns.amount}</th>
                  <th scope="col">{t.search.columns.date}</th>
                  <th scope="col">{t.search.columns.status}</th>
                  <th scope="col">{t.search.columns.receipt}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={`${row.ref1}-${i}`}>
                    <td>
                      <button type="button" className="link-button mono" onClick={() => onOpen({ screen: 'bill', ref1: row.ref1 })} aria-label={t.search.openBill(row.ref1)}>
                        {row.ref1}
                      </button>
                    </td>
                    <td lang="th">{row.payerName}</td>
                    <td className="table__number">{formatSatang(row.amountSatang)}</td>
                    <td>{formatBusinessDate(row.receipt?.businessDate ?? row.requestDate, language)}</td>
                    <td>{t.counter.billStatus[row.billStatus]}</td>
                    <td>
                      {row.receipt === null ? (
                        '—'
                      ) : (
                        <button type="button" className="link-button" onClick={() => row.receipt !== null && onOpen({ screen: 'receipt', book: row.receipt.receiptBook, number: row.receipt.receiptNo })}>
                          {t.search.openReceipt(row.receipt.receiptBook, row.receipt.receiptNo)} {row.receipt.isCancelled && t.search.cancelledMark}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {isCut && <p className="panel__text">{t.counter.cut(rows.length)}</p>}
        </section>
      )}
    </ScreenFrame>
  );
}
