import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AuditLogInput, ReplyError, RequestOutput } from '../../../src-shared/contract';
import { mayOpen } from '../../app/permissions';
import type { CounterTarget } from '../../app/route';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { BeDateField } from '../../components/be-date-field';
import { ErrorRegion } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { formatMoment } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { ScreenToolbar } from './screen-toolbar';
import type { ScreenProps } from '../../app/screen-props';

export interface AuditLogScreenProps extends ScreenProps {
  readonly onOpen: (target: CounterTarget) => void;
}

/** Rows per page: one screen at 1366×768 with the filters above. */
export const AUDIT_LOG_PAGE_ROWS = 12;
const DETAIL_SHOWN_CHARS = 80;
const OUTCOMES = ['ok', 'refused', 'error'] as const;

interface Filters {
  readonly username: string;
  readonly action: string;
  readonly outcome: '' | (typeof OUTCOMES)[number];
  readonly fromDate: string;
  readonly toDate: string;
}
const NO_FILTERS: Filters = { username: '', action: '', outcome: '', fromDate: '', toDate: '' };

function inputOf(filters: Filters, offset: number): AuditLogInput {
  return {
    offset,
    limit: AUDIT_LOG_PAGE_ROWS,
    ...(filters.username.trim() === '' ? {} : { username: filters.username.trim() }),
    ...(filters.action.trim() === '' ? {} : { action: filters.action.trim() }),
    ...(filters.outcome === '' ? {} : { outcome: filters.outcome }),
    ...(filters.fromDate === '' ? {} : { fromDate: filters.fromDate }),
    ...(filters.toDate === '' ? {} : { toDate: filters.toDate }),
  };
}

/**
 * บันทึกการใช้งาน (seed 001 §3.1.5, §9): the audit log — every command and every refused call —
 * newest first, a page at a time, filtered by user, action, outcome and Buddhist-era dates; and the
 * ways to the other read-only records (ledger verification, outages, paper books). Only queries.
 */
export function AuditLogScreen({ info, user, request, onOpen, onHome, onLogout, isLoggingOut }: AuditLogScreenProps) {
  const { t, language } = useI18n();
  const words = t.settingsUi.auditLog;
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [shown, setShown] = useState<{ filters: Filters; offset: number }>({ filters: NO_FILTERS, offset: 0 });
  const [page, setPage] = useState<RequestOutput<'audit.log'> | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [isLoading, setIsLoading] = useState(false);

  const load = useCallback(
    async (f: Filters, offset: number) => {
      setIsLoading(true);
      setError(null);
      const reply = await request('audit.log', inputOf(f, offset));
      setIsLoading(false);
      if (reply.ok) {
        setPage(reply.value);
        setShown({ filters: f, offset });
      } else setError(reply.error);
    },
    [request],
  );
  useEffect(() => {
    void load(NO_FILTERS, 0);
  }, [load]);
  const hasPrevious = shown.offset > 0;
  const hasNext = page !== null && shown.offset + page.rows.length < page.total;
  useShortcuts([{ shortcut: SHORTCUTS.home, run: onHome }]);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void load(filters, 0);
  };

  return (
    <ScreenFrame title={words.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--audit-log">
      <ScreenToolbar title={words.title} onHome={onHome}>
        {mayOpen(user.role, 'audit') && (
          <button type="button" className="button" onClick={() => onOpen({ screen: 'audit' })} aria-keyshortcuts={SHORTCUTS.audit.label}>
            {t.homeCounter.tiles.audit[0]}
          </button>
        )}
        {mayOpen(user.role, 'outage') && (
          <button type="button" className="button" onClick={() => onOpen({ screen: 'outage' })} aria-keyshortcuts={SHORTCUTS.outage.label}>
            {words.outageLink}
          </button>
        )}
        {mayOpen(user.role, 'books') && (
          <button type="button" className="button" onClick={() => onOpen({ screen: 'books' })} aria-keyshortcuts={SHORTCUTS.books.label}>
            {words.booksLink}
          </button>
        )}
      </ScreenToolbar>
      <p className="notice notice--info">{words.intro}</p>
      <ErrorRegion error={error} />
      <form className="audit-log__filters" onSubmit={submit}>
        <TextField label={words.username} value={filters.username} onChange={(e) => setFilters({ ...filters, username: e.target.value })} autoComplete="off" spellCheck={false} />
        <TextField label={words.action} value={filters.action} onChange={(e) => setFilters({ ...filters, action: e.target.value })} autoComplete="off" spellCheck={false} lang="en" />
        <SelectField
          label={words.outcome}
          value={filters.outcome}
          placeholder={words.anyOutcome}
          options={OUTCOMES.map((o) => ({ value: o, label: words.outcomes[o] }))}
          onChange={(e) => setFilters({ ...filters, outcome: e.target.value as Filters['outcome'] })}
        />
        <BeDateField label={words.fromDate} value={filters.fromDate} onChange={(fromDate) => setFilters({ ...filters, fromDate })} />
        <BeDateField label={words.toDate} value={filters.toDate} onChange={(toDate) => setFilters({ ...filters, toDate })} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isLoading}>
            {words.show}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setFilters(NO_FILTERS);
              void load(NO_FILTERS, 0);
            }}
          >
            {words.clear}
          </button>
        </div>
      </form>
      <section className="panel" aria-labelledby="audit-log-title" aria-busy={isLoading}>
        <h2 id="audit-log-title" className="section-title" data-testid="audit-log-page">
          {page === null ? t.counter.loading : page.total === 0 ? words.none : words.page(shown.offset + 1, shown.offset + page.rows.length, page.total)}
        </h2>
        {page !== null && page.rows.length > 0 && (
          <table className="table table--compact" data-testid="audit-log">
            <thead>
              <tr>
                <th scope="col">{words.columns.when}</th>
                <th scope="col">{words.columns.who}</th>
                <th scope="col">{words.columns.channel}</th>
                <th scope="col">{words.columns.action}</th>
                <th scope="col">{words.columns.outcome}</th>
                <th scope="col">{words.columns.detail}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id} className={row.outcome === 'ok' ? undefined : 'table__row--refused'}>
                  <td>{formatMoment(row.atMs, language)}</td>
                  <td className="mono">{row.username ?? '—'}</td>
                  <td>{words.channels[row.channel]}</td>
                  <td className="mono" lang="en">{row.action}</td>
                  <td>
                    {words.outcomes[row.outcome]}
                    {row.code !== null && <span className="mono"> {row.code}</span>}
                  </td>
                  <td className="mono audit-log__detail" lang="en" title={row.detail ?? undefined}>
                    {row.detail === null ? '—' : row.detail.length > DETAIL_SHOWN_CHARS ? `${row.detail.slice(0, DETAIL_SHOWN_CHARS)}…` : row.detail}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="form-actions form-actions--start">
          <button type="button" className="button" disabled={!hasPrevious || isLoading} onClick={() => void load(shown.filters, Math.max(0, shown.offset - AUDIT_LOG_PAGE_ROWS))}>
            {words.previous}
          </button>
          <button type="button" className="button" disabled={!hasNext || isLoading} onClick={() => void load(shown.filters, shown.offset + AUDIT_LOG_PAGE_ROWS)}>
            {words.next}
          </button>
        </div>
      </section>
    </ScreenFrame>
  );
}
