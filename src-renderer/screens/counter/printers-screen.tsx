import { useCallback, useEffect, useState } from 'react';
import type { PrintJobSummary, ReplyError, RequestOutput } from '../../../src-shared/contract';
import { PRINT_ADAPTER_KINDS, PRINT_PAPERS } from '../../../src-shared/contract/print-requests';
import { mayCall } from '../../app/permissions';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { ErrorRegion, StatusRegion } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { formatMoment } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { Dict } from '../../i18n/th';
import type { Phrase } from './phrase';
import { ScreenToolbar } from './screen-toolbar';
import type { ScreenProps } from '../../app/screen-props';

export type PrintersScreenProps = ScreenProps;

type Setting = RequestOutput<'print.settings.get'>['settings'][number];

/** เครื่องพิมพ์: printer and paper per document (the administrator changes them), a test page, the unfinished jobs. */
export function PrintersScreen({ info, user, request, onHome, onLogout, isLoggingOut }: PrintersScreenProps) {
  const { t, language } = useI18n();
  const [settings, setSettings] = useState<readonly Setting[] | null>(null);
  const [printers, setPrinters] = useState<RequestOutput<'print.printers'> | null>(null);
  const [jobs, setJobs] = useState<readonly PrintJobSummary[]>([]);
  const [error, setError] = useState<ReplyError | null>(null);
  // A status is kept as words to say, not said: it follows a language switch.
  const [status, setStatus] = useState<Phrase | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const mayChange = mayCall(user.role, 'print.settings.set');

  const load = useCallback(async () => {
    const [s, p, j] = await Promise.all([request('print.settings.get', {}), request('print.printers', {}), request('print.jobs', {})]);
    if (s.ok) setSettings(s.value.settings);
    else setError(s.error);
    if (p.ok) setPrinters(p.value);
    if (j.ok) setJobs(j.value.jobs);
  }, [request]);
  useEffect(() => {
    void load();
  }, [load]);
  useShortcuts([{ shortcut: SHORTCUTS.home, run: onHome, enabled: !isBusy }]);

  const save = async (setting: Setting): Promise<void> => {
    setIsBusy(true);
    setError(null);
    const reply = await request('print.settings.set', setting);
    setIsBusy(false);
    if (reply.ok) {
      setStatus(() => (d: Dict) => d.printers.saved);
      await load();
    } else setError(reply.error);
  };
  const testPage = async (documentKind: Setting['documentKind']): Promise<void> => {
    setIsBusy(true);
    setError(null);
    const reply = await request('print.testPage', { documentKind });
    setIsBusy(false);
    if (reply.ok) setStatus(() => (d: Dict) => d.printers.testDone(reply.value.pages));
    else setError(reply.error);
  };
  const update = (kind: Setting['documentKind'], patch: Partial<Setting>): void => setSettings((list) => list?.map((s) => (s.documentKind === kind ? { ...s, ...patch } : s)) ?? null);
  const adapters = printers?.adapters ?? PRINT_ADAPTER_KINDS;

  return (
    <ScreenFrame title={t.printers.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--printers">
      <ScreenToolbar title={t.printers.title} onHome={onHome} />
      <p className="screen__intro">{t.printers.intro}</p>
      {!mayChange && <p className="notice notice--info">{t.printers.readOnly}</p>}
      <StatusRegion text={status?.(t) ?? null} />
      <ErrorRegion error={error} />
      <section className="panel" aria-label={t.printers.title} aria-busy={isBusy}>
        {settings === null ? (
          <p className="panel__text">{t.counter.loading}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t.printers.document}</th>
                  <th scope="col">{t.printers.adapter}</th>
                  <th scope="col">{t.printers.device}</th>
                  <th scope="col">{t.printers.paper}</th>
                  <th scope="col">{t.paidBills.columns.action}</th>
                </tr>
              </thead>
              <tbody>
                {settings.map((s) => {
                  const doc = t.counter.documents[s.documentKind];
                  return (
                    <tr key={s.documentKind}>
                      <th scope="row">{doc}</th>
                      <td>
                        <select className="field__input field__select" aria-label={`${t.printers.adapter}: ${doc}`} value={s.adapter} disabled={!mayChange} onChange={(e) => update(s.documentKind, { adapter: e.target.value as Setting['adapter'] })}>
                          {adapters.map((a) => (
                            <option key={a} value={a}>
                              {t.counter.adapters[a]}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <select className="field__input field__select" aria-label={`${t.printers.device}: ${doc}`} value={s.deviceName ?? ''} disabled={!mayChange} onChange={(e) => update(s.documentKind, { deviceName: e.target.value === '' ? null : e.target.value })}>
                          <option value="">{t.counter.defaultPrinter}</option>
                          {(printers?.printers ?? []).map((p) => (
                            <option key={p.name} value={p.name}>
                              {p.name}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <select className="field__input field__select" aria-label={`${t.printers.paper}: ${doc}`} value={s.paper} disabled={!mayChange} onChange={(e) => update(s.documentKind, { paper: e.target.value as Setting['paper'] })}>
                          {PRINT_PAPERS.map((p) => (
                            <option key={p} value={p}>
                              {p}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="table__actions">
                        {mayChange && (
                          <button type="button" className="button button--small button--primary" disabled={isBusy} onClick={() => void save(s)}>
                            {t.printers.save}
                          </button>
                        )}
                        <button type="button" className="button button--small" disabled={isBusy} onClick={() => void testPage(s.documentKind)}>
                          {t.printers.testPage}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="jobs-title">
        <h2 id="jobs-title" className="section-title">
          {t.printers.jobsHeading}
        </h2>
        {jobs.length === 0 ? (
          <p className="panel__text">{t.homeCounter.pendingJobs(0)}</p>
        ) : (
          <ul className="plain-list">
            {jobs.map((job) => (
              <li key={job.id}>
                {t.homeCounter.jobLine(t.counter.documents[job.documentKind], t.counter.jobStates[job.state])} · {formatMoment(job.updatedAtMs, language)}
                {job.lastError !== null && <span lang="en"> — {job.lastError}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </ScreenFrame>
  );
}
