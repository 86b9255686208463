import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { EbillApi, OfficeSummary, ReplyError, RequestInput, RequestOutput, UserSummary } from '../../../src-shared/contract';
import { formatSatang } from '../../../src-shared/money';
import { mayCall, mayOpen, mayViewUsers } from '../../app/permissions';
import type { CounterTarget } from '../../app/route';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { ErrorRegion, StatusRegion } from '../../components/error-notice';
import { ScreenFrame } from '../../components/screen-frame';
import { TextField } from '../../components/text-field';
import { basisPointsToPercent } from '../../forms/percent';
import { formatMoment } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { Dict } from '../../i18n/th';
import type { Phrase } from './phrase';
import { ScreenToolbar } from './screen-toolbar';
import { DeductionRatesForm, OfficeKindPanel } from './settings-remittance-panels';
import type { ScreenProps } from '../../app/screen-props';

export interface SettingsScreenProps extends ScreenProps {
  readonly onOpen: (target: CounterTarget) => void;
  readonly onOpenUsers: () => void;
  /** The office changed: the header and app.info are read again. */
  readonly onOfficeChanged: () => void;
}

const BYTES_PER_KB = 1024;

/**
 * ตั้งค่า: the office (everyone reads it, the administrator edits it with office.update — a locked
 * setting shows OFFICE_SETTING_LOCKED in Thai), the backup folder with "back up now"
 * (backup.status / backup.run / backup.setFolder), the catalog (catalog.list, read-only), the office
 * kind and the group 1.1 deduction rates (settings-remittance-panels.tsx), and the ways to the
 * printers and users screens.
 */
export function SettingsScreen({ info, user, request, onOpen, onOpenUsers, onOfficeChanged, onHome, onLogout, isLoggingOut }: SettingsScreenProps) {
  const { t } = useI18n();
  const words = t.settingsUi;
  const [catalog, setCatalog] = useState<RequestOutput<'catalog.list'> | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  useShortcuts([{ shortcut: SHORTCUTS.home, run: onHome }]);

  const loadCatalog = useCallback(async () => {
    const reply = await request('catalog.list', {});
    if (reply.ok) setCatalog(reply.value);
    else setError(reply.error);
  }, [request]);
  useEffect(() => {
    void loadCatalog();
  }, [loadCatalog]);

  return (
    <ScreenFrame title={words.settings.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--settings">
      <ScreenToolbar title={words.settings.title} onHome={onHome}>
        {mayOpen(user.role, 'printers') && (
          <button type="button" className="button" onClick={() => onOpen({ screen: 'printers' })} aria-keyshortcuts={SHORTCUTS.printers.label}>
            {words.settings.printersLink}
          </button>
        )}
        {mayViewUsers(user.role) && (
          <button type="button" className="button" onClick={onOpenUsers} aria-keyshortcuts={SHORTCUTS.users.label}>
            {words.settings.usersLink}
          </button>
        )}
      </ScreenToolbar>
      <p className="notice notice--info">{words.settings.intro}</p>
      <ErrorRegion error={error} />
      <div className="settings-grid">
        <div className="settings-column">
          {info !== null && info.office !== null && <OfficePanel office={info.office} user={user} request={request} onOfficeChanged={onOfficeChanged} />}
          {info !== null && info.office !== null && <OfficeKindPanel user={user} request={request} />}
          {mayCall(user.role, 'backup.status') && <BackupPanel user={user} request={request} />}
        </div>
        <section className="panel" aria-labelledby="catalog-title" data-testid="catalog">
          <h2 id="catalog-title" className="section-title">
            {words.settings.sections.catalog}
          </h2>
          <p className="panel__text">{words.catalog.intro}</p>
          {catalog === null ? (
            <p className="panel__text">{t.counter.loading}</p>
          ) : (
            <>
              <CatalogTable catalog={catalog} />
              {mayCall(user.role, 'remittance.setRate') && <DeductionRatesForm fineLaws={catalog.fineLaws} request={request} onSaved={() => void loadCatalog()} />}
            </>
          )}
        </section>
      </div>
    </ScreenFrame>
  );
}

function OfficePanel({ office, user, request, onOfficeChanged }: { readonly office: OfficeSummary; readonly user: UserSummary; readonly request: EbillApi['request']; readonly onOfficeChanged: () => void }) {
  const { t } = useI18n();
  const words = t.settingsUi.office;
  const mayEdit = mayCall(user.role, 'office.update');
  const [shown, setShown] = useState(office);
  const [draft, setDraft] = useState<{ nameTh: string; costCentre: string; billerId: string; companyCode: string } | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [status, setStatus] = useState<Phrase | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  useEffect(() => setShown(office), [office]);

  const startEdit = (): void => {
    setStatus(null);
    setError(null);
    setDraft({ nameTh: shown.nameTh, costCentre: shown.costCentre ?? '', billerId: shown.billerId ?? '', companyCode: shown.companyCode ?? '' });
  };
  const save = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (draft === null) return;
    // Only what changed is sent: an unchanged locked setting is not a change.
    const changes: { -readonly [K in keyof RequestInput<'office.update'>]: RequestInput<'office.update'>[K] } = {};
    if (draft.nameTh.trim() !== shown.nameTh) changes.nameTh = draft.nameTh.trim();
    if (draft.costCentre.trim() !== (shown.costCentre ?? '')) changes.costCentre = draft.costCentre.trim();
    if (draft.billerId.trim() !== (shown.billerId ?? '')) changes.billerId = draft.billerId.trim();
    if (draft.companyCode.trim() !== (shown.companyCode ?? '')) changes.companyCode = draft.companyCode.trim() === '' ? null : draft.companyCode.trim();
    if (Object.keys(changes).length === 0) {
      setStatus(() => (d: Dict) => d.settingsUi.office.nothingChanged);
      setDraft(null);
      return;
    }
    setIsSaving(true);
    setError(null);
    const reply = await request('office.update', changes);
    setIsSaving(false);
    if (reply.ok) {
      setShown(reply.value);
      setDraft(null);
      setStatus(() => (d: Dict) => d.settingsUi.office.saved);
      onOfficeChanged();
    } else setError(reply.error);
  };
  const value = (text: string | null): string => (text === null || text === '' ? words.notSet : text);

  return (
    <section className="panel" aria-labelledby="office-title" data-testid="office">
      <h2 id="office-title" className="section-title">
        {t.settingsUi.settings.sections.office}
      </h2>
      <StatusRegion text={status?.(t) ?? null} />
      <ErrorRegion error={error} />
      {draft === null ? (
        <>
          <dl className="facts facts--two">
            <div><dt>{words.place}</dt><dd className="mono">{shown.place}</dd></div>
            <div><dt>{words.province}</dt><dd lang="th">{shown.province}</dd></div>
            <div className="facts__wide"><dt>{words.nameTh}</dt><dd lang="th">{shown.nameTh}</dd></div>
            <div><dt>{words.costCentre}</dt><dd className="mono">{value(shown.costCentre)}</dd></div>
            <div><dt>{words.billerId}</dt><dd className="mono">{value(shown.billerId)}</dd></div>
            <div><dt>{words.companyCode}</dt><dd className="mono">{value(shown.companyCode)}</dd></div>
          </dl>
          <p className="panel__text">{words.lockNote}</p>
          {mayEdit ? (
            <div className="form-actions form-actions--start">
              <button type="button" className="button" onClick={startEdit}>
                {words.edit}
              </button>
            </div>
          ) : (
            <p className="panel__text">{words.viewOnly}</p>
          )}
        </>
      ) : (
        <form className="dialog__form" onSubmit={(e) => void save(e)} aria-busy={isSaving}>
          <TextField label={words.nameTh} value={draft.nameTh} onChange={(e) => setDraft({ ...draft, nameTh: e.target.value })} isRequired autoFocus />
          <div className="form-row">
            <TextField label={words.costCentre} value={draft.costCentre} inputMode="numeric" onChange={(e) => setDraft({ ...draft, costCentre: e.target.value })} />
            <TextField label={words.billerId} value={draft.billerId} inputMode="numeric" onChange={(e) => setDraft({ ...draft, billerId: e.target.value })} />
          </div>
          <TextField label={words.companyCode} value={draft.companyCode} onChange={(e) => setDraft({ ...draft, companyCode: e.target.value })} />
          <div className="form-actions form-actions--start">
            <button type="submit" className="button button--primary" disabled={isSaving}>
              {words.save}
            </button>
            <button type="button" className="button" onClick={() => setDraft(null)} disabled={isSaving}>
              {words.cancel}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function BackupPanel({ user, request }: { readonly user: UserSummary; readonly request: EbillApi['request'] }) {
  const { t, language } = useI18n();
  const words = t.settingsUi.backup;
  const [backup, setBackup] = useState<RequestOutput<'backup.status'> | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [status, setStatus] = useState<Phrase | null>(null);
  const [isRunning, setIsRunning] = useState(false);
  const [folder, setFolder] = useState<string | null>(null);

  const load = useCallback(async () => {
    const reply = await request('backup.status', {});
    if (reply.ok) setBackup(reply.value);
    else setError(reply.error);
  }, [request]);
  useEffect(() => {
    void load();
  }, [load]);

  const runNow = async (): Promise<void> => {
    setIsRunning(true);
    setError(null);
    setStatus(null);
    const reply = await request('backup.run', {});
    setIsRunning(false);
    if (reply.ok) {
      const entry = reply.value.file.headSeq;
      setStatus(() => (d: Dict) => d.settingsUi.backup.done(entry));
      await load();
    } else setError(reply.error);
  };
  const saveFolder = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (folder === null) return;
    setError(null);
    const reply = await request('backup.setFolder', { dir: folder });
    if (reply.ok) {
      setFolder(null);
      setStatus(() => (d: Dict) => d.settingsUi.backup.folderSaved);
      await load();
    } else setError(reply.error);
  };

  return (
    <section className="panel" aria-labelledby="backup-title" aria-busy={isRunning} data-testid="backup">
      <h2 id="backup-title" className="section-title">
        {t.settingsUi.settings.sections.backup}
      </h2>
      <StatusRegion text={isRunning ? words.running : (status?.(t) ?? null)} />
      {isRunning && <progress className="progress" aria-label={words.progressLabel} />}
      <ErrorRegion error={error} />
      {backup === null ? (
        <p className="panel__text">{t.counter.loading}</p>
      ) : (
        <>
          <p className="panel__text">
            {words.folder} ({backup.isDirConfigured ? words.folderConfigured : words.folderDefault}): <code className="mono hash" data-testid="backup-dir">{backup.dir}</code>
          </p>
          <p className="panel__text">
            {words.count(backup.count)} · {words.keep(backup.keep)}. {words.interval(backup.intervalMinutes)}
          </p>
          {backup.backups.length === 0 ? (
            <p className="panel__text">{words.none}</p>
          ) : (
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{words.columns.when}</th>
                  <th scope="col">{words.columns.entry}</th>
                  <th scope="col">{words.columns.size}</th>
                </tr>
              </thead>
              <tbody>
                {backup.backups.map((b) => (
                  <tr key={b.name}>
                    <td>{formatMoment(b.atMs, language)}</td>
                    <td className="table__number">{b.headSeq}</td>
                    <td className="table__number">{words.sizeKb(kilobytes(b.bytes))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <div className="form-actions form-actions--start">
        {mayCall(user.role, 'backup.run') && (
          <button type="button" className="button button--primary" onClick={() => void runNow()} disabled={isRunning}>
            {words.runNow}
          </button>
        )}
        {mayCall(user.role, 'backup.setFolder') && folder === null && (
          <button type="button" className="button" onClick={() => setFolder(backup?.dir ?? '')} disabled={isRunning}>
            {words.change}
          </button>
        )}
      </div>
      {folder !== null && (
        <form className="form-row" onSubmit={(e) => void saveFolder(e)}>
          <TextField label={words.newFolder} hint={words.newFolderHint} value={folder} onChange={(e) => setFolder(e.target.value)} className="field--grow" autoFocus spellCheck={false} />
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              {words.saveFolder}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** A file size in whole kilobytes (at least 1), grouped: 1,234. */
function kilobytes(bytes: number): string {
  return Math.max(1, Math.round(bytes / BYTES_PER_KB)).toLocaleString('en-US');
}

function CatalogTable({ catalog }: { readonly catalog: RequestOutput<'catalog.list'> }) {
  const { t, language } = useI18n();
  const words = t.settingsUi.catalog;
  return (
    <>
      <p className="panel__text" data-testid="catalog-version">
        {catalog.version === null || catalog.pulledAtMs === null ? words.shipped : words.inForce(catalog.version, formatMoment(catalog.pulledAtMs, language))}
      </p>
      {catalog.refusedVersions.length > 0 && (
        <p className="panel__text" role="status" data-testid="catalog-refused">
          {words.refused(catalog.refusedVersions.join(', '))}
        </p>
      )}
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">{words.columns.code}</th>
            <th scope="col">{words.columns.name}</th>
            <th scope="col">{words.columns.amount}</th>
            <th scope="col">{words.columns.deduction}</th>
          </tr>
        </thead>
        <tbody>
          {catalog.fineLaws.map((law) => (
            <tr key={law.revenueCode}>
              <td className="mono">{law.revenueCode}</td>
              <td>
                <span lang={language}>{language === 'th' ? law.lawNameTh : law.lawNameEn}</span> · {words.group(law.group)}
              </td>
              <td>{words.fineAmount}</td>
              <td>{law.rewardBasisPoints + law.costBasisPoints === 0 ? words.noDeduction : words.deduction(basisPointsToPercent(law.rewardBasisPoints), basisPointsToPercent(law.costBasisPoints))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="subsection-title">{words.feesHeading}</h3>
      {catalog.feeTypes.length === 0 ? (
        <p className="panel__text">{words.noFees}</p>
      ) : (
        <table className="table table--compact">
          <tbody>
            {catalog.feeTypes.map((fee) => (
              <tr key={fee.revenueCode} className={fee.active ? undefined : 'table__row--disabled'}>
                <td className="mono">{fee.revenueCode}</td>
                <td>{language === 'th' ? fee.nameTh : fee.nameEn}{!fee.active && ` · ${words.inactive}`}</td>
                <td className="table__number">{fee.defaultAmountSatang === null ? words.enteredAmount : `${formatSatang(fee.defaultAmountSatang)} ${t.counter.baht}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
