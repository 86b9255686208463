import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ReplyError, RequestOutput } from '../../../src-shared/contract';
import { formatSatang } from '../../../src-shared/money';
import { mayCall } from '../../app/permissions';
import { useShownDate } from '../../app/use-shown-date';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { BeDateField } from '../../components/be-date-field';
import { ErrorRegion, StatusRegion } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { SelectField } from '../../components/select-field';
import { ShortcutHint } from '../../components/shortcut-hint';
import { TextField } from '../../components/text-field';
import { formatMoment } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { Dict } from '../../i18n/th';
import type { Phrase } from './phrase';
import { ScreenToolbar } from './screen-toolbar';
import type { ScreenProps } from '../../app/screen-props';

export type RemittanceScreenProps = ScreenProps;

type Day = RequestOutput<'remittance.day'>;
type Scope = Day['lines'][number]['scope'];
const SCOPES: readonly Scope[] = ['cash', 'bill-payment'];
const BANGKOK_OFFSET = '+07:00';
const LOCAL_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** "2026-11-24T09:15" typed in Bangkok time → epoch ms; NaN when not a moment (main then refuses it). */
function bangkokMs(text: string): number {
  return LOCAL_MOMENT.test(text) ? Date.parse(`${text}:00${BANGKOK_OFFSET}`) : Number.NaN;
}

/** Now as "YYYY-MM-DDTHH:mm" in Bangkok time, for the datetime-local field. */
function bangkokNow(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 16);
}

function scopeLabel(t: Dict, day: Day, scope: Scope): string {
  if (scope === 'bill-payment' && day.officeKind === 'provincial') return t.remittance.scopes.province;
  return t.remittance.scopes[scope];
}

/**
 * นำเงินส่งคลัง (issue 10, seed 001 §3.1 steps 7–8, §7): a day's amounts per revenue code, the group
 * 1.1 deductions, the part remitted, the 09:30 next-business-day deadline, the remittances recorded,
 * and — for the finance officer — recording one with the bank's reference. At a district office bill
 * payments show as remitted by the province; the provincial office remits its whole province's.
 */
export function RemittanceScreen({ info, user, request, onHome, onLogout, isLoggingOut }: RemittanceScreenProps) {
  const { t, language } = useI18n();
  const today = info?.businessDate ?? '';
  const { fieldDate, shownDate, setDate } = useShownDate(today);
  const [day, setDay] = useState<Day | null>(null);
  const [scope, setScope] = useState<Scope>('cash');
  const [bankReference, setBankReference] = useState('');
  const [remittedAt, setRemittedAt] = useState(bangkokNow);
  const [error, setError] = useState<ReplyError | null>(null);
  const [notice, setNotice] = useState<Phrase | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const mayRecord = mayCall(user.role, 'remittance.record');

  const load = useCallback(async () => {
    if (shownDate === '') return;
    const reply = await request('remittance.day', { businessDate: shownDate.trim() });
    if (reply.ok) setDay(reply.value);
    else {
      setDay(null);
      setError(reply.error);
    }
  }, [request, shownDate]);
  useEffect(() => {
    setError(null);
    void load();
  }, [load]);
  useShortcuts([
    { shortcut: SHORTCUTS.home, run: onHome, enabled: !isBusy },
    { shortcut: SHORTCUTS.refresh, run: () => void load(), enabled: !isBusy },
  ]);

  const remitsScope = (s: Scope): boolean => s === 'cash' || day?.officeKind === 'provincial';
  const recordable = day === null ? [] : SCOPES.filter((s) => remitsScope(s) && !day.records.some((r) => r.scope === s) && day.lines.some((l) => l.scope === s && l.remitSatang > 0));
  const chosen = recordable.includes(scope) ? scope : recordable[0];
  const dueOf = (s: Scope): number => day?.lines.filter((l) => l.scope === s).reduce((sum, l) => sum + l.remitSatang, 0) ?? 0;

  const onRecord = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (chosen === undefined) return;
    setIsBusy(true);
    setError(null);
    setNotice(null);
    const reply = await request('remittance.record', { businessDate: shownDate.trim(), scope: chosen, bankReference: bankReference.trim(), remittedAtMs: bangkokMs(remittedAt) });
    setIsBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    setBankReference('');
    setNotice(() => (d: Dict) => d.remittance.saved);
    await load();
  };

  const isOverdue = (s: Scope): boolean => day !== null && day.deadlineMs !== null && day.deadlineMs < Date.now() && remitsScope(s) && dueOf(s) > 0 && !day.records.some((r) => r.scope === s);
  return (
    <ScreenFrame title={t.remittance.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--remittance">
      <ScreenToolbar title={t.remittance.title} onHome={onHome}>
        <button type="button" className="button" onClick={() => void load()} disabled={isBusy} aria-keyshortcuts="Alt+R">
          {t.counter.refresh} <ShortcutHint shortcut={SHORTCUTS.refresh} />
        </button>
      </ScreenToolbar>
      <p className="panel__text">{t.remittance.intro}</p>
      <div className="form-row">
        <BeDateField label={t.remittance.date} value={fieldDate} onChange={setDate} isRequired className="field--date" />
      </div>
      <StatusRegion text={notice?.(t) ?? null} />
      <ErrorRegion error={error} />
      {day === null ? (
        error === null && <p className="panel__text">{t.counter.loading}</p>
      ) : (
        <>
          <p className="notice notice--info" data-testid="office-kind">
            {t.remittance.officeKinds[day.officeKind]}
          </p>
          <p className={`notice ${SCOPES.some(isOverdue) ? 'notice--error' : 'notice--unknown'}`} data-testid="remittance-deadline">
            {day.deadlineMs === null ? t.remittance.deadlineUnknown : t.remittance.deadline(formatMoment(day.deadlineMs, language))}
            {SCOPES.some(isOverdue) && ` · ${t.remittance.overdue}`}
          </p>
          <section className="panel" aria-labelledby="remit-lines-title">
            <h2 id="remit-lines-title" className="section-title">
              {t.remittance.linesHeading}
            </h2>
            {day.lines.length === 0 ? (
              <p className="panel__text">{t.remittance.noLines}</p>
            ) : (
              <div className="table-scroll">
                <table className="table" data-testid="remittance-lines">
                  <thead>
                    <tr>
                      <th scope="col">{t.remittance.columns.scope}</th>
                      <th scope="col">{t.remittance.columns.revenueCode}</th>
                      <th scope="col" className="table__number">{t.remittance.columns.count}</th>
                      <th scope="col" className="table__number">{t.remittance.columns.collected}</th>
                      <th scope="col" className="table__number">{t.remittance.columns.reward}</th>
                      <th scope="col" className="table__number">{t.remittance.columns.cost}</th>
                      <th scope="col" className="table__number">{t.remittance.columns.remit}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...day.lines].sort((a, b) => SCOPES.indexOf(a.scope) - SCOPES.indexOf(b.scope)).map((l) => (
                      <tr key={`${l.scope}|${l.revenueCode}`} className={remitsScope(l.scope) ? undefined : 'table__row--disabled'}>
                        <td>{scopeLabel(t, day, l.scope)}</td>
                        <td className="table__mono">{l.revenueCode}</td>
                        <td className="table__number">{l.receiptCount}</td>
                        <td className="table__number">{formatSatang(l.collectedSatang)}</td>
                        <td className="table__number">{formatSatang(l.rewardSatang)}</td>
                        <td className="table__number">{formatSatang(l.costSatang)}</td>
                        <td className="table__number">{formatSatang(l.remitSatang)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    {SCOPES.filter((s) => day.lines.some((l) => l.scope === s)).map((s) => (
                      <tr key={s}>
                        <th scope="row" colSpan={6}>
                          {t.remittance.totalFor(scopeLabel(t, day, s))}
                        </th>
                        <td className="table__number" data-testid={`remit-total-${s}`}>
                          {formatSatang(dueOf(s))}
                        </td>
                      </tr>
                    ))}
                  </tfoot>
                </table>
              </div>
            )}
          </section>
          <section className="panel" aria-labelledby="remit-records-title" data-testid="remittance-records">
            <h2 id="remit-records-title" className="section-title">
              {t.remittance.recordsHeading}
            </h2>
            <ul className="plain-list">
              {SCOPES.filter((s) => remitsScope(s) && dueOf(s) > 0 && !day.records.some((r) => r.scope === s)).map((s) => (
                <li key={s} className={isOverdue(s) ? 'text--danger' : undefined}>
                  {t.remittance.notRemitted(scopeLabel(t, day, s))}
                </li>
              ))}
              {day.records.map((r) => (
                <li key={r.id}>{t.remittance.recordLine(scopeLabel(t, day, r.scope), formatSatang(r.amountSatang), r.bankReference, formatMoment(r.remittedAtMs, language), r.recordedByNameTh ?? '')}</li>
              ))}
            </ul>
          </section>
          {!mayRecord && <p className="notice notice--info">{t.remittance.readOnly}</p>}
          {mayRecord && chosen !== undefined && (
            <form className="panel form-panel" onSubmit={(e) => void onRecord(e)} noValidate aria-labelledby="remit-record-title" aria-busy={isBusy}>
              <h2 id="remit-record-title" className="section-title">
                {t.remittance.recordHeading}
              </h2>
              <div className="form-row">
                <SelectField label={t.remittance.scope} value={chosen} onChange={(e) => setScope(e.target.value as Scope)} options={recordable.map((s) => ({ value: s, label: scopeLabel(t, day, s) }))} hint={t.remittance.due(formatSatang(dueOf(chosen)))} isRequired />
                <TextField label={t.remittance.bankReference} hint={t.remittance.bankReferenceHint} value={bankReference} onChange={(e) => setBankReference(e.target.value)} maxLength={40} autoComplete="off" spellCheck={false} isRequired />
                <TextField label={t.remittance.remittedAt} type="datetime-local" value={remittedAt} onChange={(e) => setRemittedAt(e.target.value)} isRequired />
              </div>
              <div className="form-actions">
                <button type="submit" className="button button--primary" disabled={isBusy || bankReference.trim() === ''}>
                  {t.remittance.save}
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </ScreenFrame>
  );
}
