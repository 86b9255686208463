import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ReplyError } from '../../../src-shared/contract';
import { mayCall } from '../../app/permissions';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { ErrorRegion, StatusRegion } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { ShortcutHint } from '../../components/shortcut-hint';
import { BeDateField } from '../../components/be-date-field';
import { TextField } from '../../components/text-field';
import { formatMoment } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { Dict } from '../../i18n/th';
import { ManualReportPanel } from './manual-report-panel';
import { openOutage, type Outage } from './outage-state';
import type { Phrase } from './phrase';
import { ScreenToolbar } from './screen-toolbar';
import type { ScreenProps } from '../../app/screen-props';

export type OutageScreenProps = ScreenProps;


/** One range of leaves written on paper, as typed (checked by the contract in main). */
interface RangeDraft {
  readonly bookNo: string;
  readonly firstLeaf: string;
  readonly lastLeaf: string;
  readonly businessDate: string;
}

const WHOLE_NUMBER = /^\d{1,7}$/;

/** A typed leaf number, or NaN (main then refuses it with BAD_INPUT: the screen never guesses). */
function leafOf(text: string): number {
  return WHOLE_NUMBER.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

/**
 * ระบบขัดข้อง (issue 8, seed 001 §5): start an outage with its cause, end it with the paper leaves
 * written meanwhile (book + leaf range + the paper's date), and the list of outages.
 */
export function OutageScreen({ info, user, request, onHome, onLogout, isLoggingOut }: OutageScreenProps) {
  const { t, language } = useI18n();
  const [outages, setOutages] = useState<readonly Outage[] | null>(null);
  const [cause, setCause] = useState('');
  const [note, setNote] = useState('');
  const [ranges, setRanges] = useState<readonly RangeDraft[]>([]);
  const [error, setError] = useState<ReplyError | null>(null);
  const [status, setStatus] = useState<Phrase | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const mayStart = mayCall(user.role, 'outage.start');
  const mayEnd = mayCall(user.role, 'outage.end');
  const today = info?.businessDate ?? '';

  const load = useCallback(async () => {
    const reply = await request('outage.list', {});
    if (reply.ok) setOutages(reply.value.outages);
    else setError(reply.error);
  }, [request]);
  useEffect(() => {
    void load();
  }, [load]);

  const open = outages === null ? null : openOutage(outages);
  const addRange = (): void => setRanges((list) => [...list, { bookNo: '', firstLeaf: '', lastLeaf: '', businessDate: today }]);
  useShortcuts([
    { shortcut: SHORTCUTS.home, run: onHome, enabled: !isBusy },
    { shortcut: SHORTCUTS.refresh, run: () => void load(), enabled: !isBusy },
    { shortcut: SHORTCUTS.addRange, run: addRange, enabled: !isBusy && open !== null && mayEnd },
  ]);

  const onStart = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    setStatus(null);
    const reply = await request('outage.start', { cause: cause.trim() });
    setIsBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    setCause('');
    setStatus(() => (d: Dict) => d.outage.started);
    await load();
  };

  const onEnd = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (open === null) return;
    setIsBusy(true);
    setError(null);
    setStatus(null);
    const writtenLeaves = ranges.map((r) => ({ bookNo: r.bookNo.trim().toUpperCase(), firstLeaf: leafOf(r.firstLeaf), lastLeaf: leafOf(r.lastLeaf), businessDate: r.businessDate.trim() }));
    const reply = await request('outage.end', { outageId: open.outageId, writtenLeaves, ...(note.trim() === '' ? {} : { note: note.trim() }) });
    setIsBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    const written = reply.value.rangeIds.length;
    setNote('');
    setRanges([]);
    setStatus(() => (d: Dict) => d.outage.ended(written));
    await load();
  };

  const setRange = (index: number, change: Partial<RangeDraft>): void => setRanges((list) => list.map((r, i) => (i === index ? { ...r, ...change } : r)));

  return (
    <ScreenFrame title={t.outage.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--outage">
      <ScreenToolbar title={t.outage.title} onHome={onHome}>
        <button type="button" className="button" onClick={() => void load()} disabled={isBusy} aria-keyshortcuts="Alt+R">
          {t.counter.refresh} <ShortcutHint shortcut={SHORTCUTS.refresh} />
        </button>
      </ScreenToolbar>
      <p className="panel__text">{t.outage.intro}</p>
      {outages !== null && open === null && mayStart && (
        <form className="panel form-panel" onSubmit={(e) => void onStart(e)} noValidate aria-label={t.outage.startHeading} aria-busy={isBusy}>
          <h2 className="section-title">{t.outage.startHeading}</h2>
          <TextField label={t.outage.cause} hint={t.outage.causeHint} value={cause} onChange={(e) => setCause(e.target.value)} maxLength={500} lang="th" isRequired autoFocus className="field--grow" />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={isBusy || cause.trim() === ''}>
              {t.outage.start}
            </button>
          </div>
        </form>
      )}
      {open !== null && (
        <p className="notice notice--warn" data-testid="outage-open">
          {t.outage.openSince(formatMoment(open.startedAtMs, language), open.cause)}
        </p>
      )}
      {open !== null && mayEnd && (
        <form className="panel form-panel" onSubmit={(e) => void onEnd(e)} noValidate aria-label={t.outage.endHeading} aria-busy={isBusy}>
          <h2 className="section-title">{t.outage.endHeading}</h2>
          <p className="panel__text">{t.outage.endIntro}</p>
          {ranges.map((r, i) => (
            <fieldset key={i} className="form-row range-row">
              <legend className="field__label">{t.outage.rangeLegend(i + 1)}</legend>
              <TextField label={t.outage.book} value={r.bookNo} onChange={(e) => setRange(i, { bookNo: e.target.value })} maxLength={32} autoComplete="off" spellCheck={false} isRequired autoFocus={i === ranges.length - 1} />
              <TextField label={t.outage.firstLeaf} value={r.firstLeaf} onChange={(e) => setRange(i, { firstLeaf: e.target.value })} inputMode="numeric" maxLength={7} isRequired />
              <TextField label={t.outage.lastLeaf} value={r.lastLeaf} onChange={(e) => setRange(i, { lastLeaf: e.target.value })} inputMode="numeric" maxLength={7} isRequired />
              <BeDateField label={t.outage.paperDate} value={r.businessDate} onChange={(businessDate) => setRange(i, { businessDate })} isRequired />
              <button type="button" className="button button--small" onClick={() => setRanges((list) => list.filter((_, j) => j !== i))} disabled={isBusy}>
                {t.outage.removeRange}
              </button>
            </fieldset>
          ))}
          <TextField label={t.outage.note} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} lang="th" className="field--grow" />
          <div className="form-actions">
            <button type="button" className="button" onClick={addRange} disabled={isBusy} aria-keyshortcuts="Alt+A">
              {t.outage.addRange} <ShortcutHint shortcut={SHORTCUTS.addRange} />
            </button>
            <button type="submit" className="button button--primary" disabled={isBusy}>
              {t.outage.end}
            </button>
          </div>
        </form>
      )}
      <StatusRegion text={status?.(t) ?? null} />
      <ErrorRegion error={error} />
      {mayCall(user.role, 'report.render') && today !== '' && <ManualReportPanel request={request} today={today} />}
      <section className="panel" aria-labelledby="outages-title">
        <h2 id="outages-title" className="section-title">
          {t.outage.listHeading}
        </h2>
        {outages === null ? (
          <p className="panel__text">{t.counter.loading}</p>
        ) : outages.length === 0 ? (
          <p className="panel__text">{t.counter.none}</p>
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="outage-list">
              <thead>
                <tr>
                  <th scope="col">{t.outage.columns.started}</th>
                  <th scope="col">{t.outage.columns.ended}</th>
                  <th scope="col">{t.outage.columns.cause}</th>
                  <th scope="col">{t.outage.columns.reportedBy}</th>
                  <th scope="col">{t.outage.columns.note}</th>
                </tr>
              </thead>
              <tbody>
                {outages.map((o) => (
                  <tr key={o.outageId}>
                    <td>{formatMoment(o.startedAtMs, language)}</td>
                    <td>{o.endedAtMs === null ? t.outage.stillOpen : formatMoment(o.endedAtMs, language)}</td>
                    <td>{o.cause}</td>
                    <td>{o.reportedByUsername ?? ''}</td>
                    <td>{o.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </ScreenFrame>
  );
}
