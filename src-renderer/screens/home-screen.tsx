import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { EbillApi, PrintJobSummary, ReplyError, RequestOutput, UserSummary } from '../../src-shared/contract';
import { formatSatang } from '../../src-shared/money';
import type { AppInfo } from '../app/app-info';
import { isCounterRole, mayCall, mayManageUsers, mayOpen, mayViewUsers } from '../app/permissions';
import type { CounterScreen, CounterTarget } from '../app/route';
import { SHORTCUTS, type Shortcut } from '../app/shortcuts';
import { useShortcuts } from '../app/use-shortcuts';
import { ScreenFrame } from '../components/screen-frame';
import { ShortcutHint } from '../components/shortcut-hint';
import { TextField } from '../components/text-field';
import { formatBusinessDate, formatMoment } from '../i18n/format';
import { openOutage } from './counter/outage-state';
import { useI18n } from '../i18n/i18n-context';

const MS_PER_MINUTE = 60_000;
/** How often home reads the sync state again while it is open (the background sync moves on its own every 30 s or so). */
const SYNC_REFRESH_MS = 15_000;

export interface HomeScreenProps {
  readonly info: AppInfo | null;
  readonly user: UserSummary;
  readonly request: EbillApi['request'];
  readonly onOpenUsers: () => void;
  readonly onOpen: (target: CounterTarget) => void;
  /** Reads a scanned or typed code and opens its bill (the same path as the scanner). */
  readonly onScanText: (text: string) => void;
  readonly onLogout: () => void;
  readonly isLoggingOut: boolean;
}

type TileScreen = Exclude<CounterScreen, 'bill' | 'receipt'>;
const TILES: readonly { screen: TileScreen; key: keyof AppDictTiles; shortcut: Shortcut }[] = [
  { screen: 'new-request', key: 'newRequest', shortcut: SHORTCUTS.newRequest },
  { screen: 'paid-bills', key: 'paidBills', shortcut: SHORTCUTS.paidBills },
  { screen: 'search', key: 'search', shortcut: SHORTCUTS.search },
  { screen: 'bank', key: 'bank', shortcut: SHORTCUTS.bank },
  { screen: 'printers', key: 'printers', shortcut: SHORTCUTS.printers },
  { screen: 'audit', key: 'audit', shortcut: SHORTCUTS.audit },
  { screen: 'outage', key: 'outage', shortcut: SHORTCUTS.outage },
  { screen: 'paper-receipt', key: 'paperReceipt', shortcut: SHORTCUTS.paperReceipt },
  { screen: 'books', key: 'books', shortcut: SHORTCUTS.books },
  { screen: 'field', key: 'field', shortcut: SHORTCUTS.field },
  { screen: 'day-close', key: 'dayClose', shortcut: SHORTCUTS.dayClose },
  { screen: 'shift-close', key: 'shiftClose', shortcut: SHORTCUTS.shiftClose },
  { screen: 'reports', key: 'reports', shortcut: SHORTCUTS.reports },
  { screen: 'remittance', key: 'remittance', shortcut: SHORTCUTS.remittance },
];
type PrinterSetting = RequestOutput<'print.settings.get'>['settings'][number];

/** Documents that print the same way share one line (home must fit 1366×768). */
function printerGroups(settings: readonly PrinterSetting[]): { key: string; setting: PrinterSetting; kinds: PrinterSetting['documentKind'][] }[] {
  const groups = new Map<string, { key: string; setting: PrinterSetting; kinds: PrinterSetting['documentKind'][] }>();
  for (const setting of settings) {
    const key = `${setting.adapter}|${setting.deviceName ?? ''}|${setting.paper}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { key, setting, kinds: [setting.documentKind] });
    else group.kinds.push(setting.documentKind);
  }
  return [...groups.values()];
}

/** Up to nine tiles fit three a row; more go four a row (see `.home-layout--many`). */
const MAX_TILES_THREE_A_ROW = 9;
type AppDictTiles = ReturnType<typeof useI18n>['t']['homeCounter']['tiles'];
/** Tiles whose words live in `settingsUi.home` (issue 7: settings, the audit log). */
const MORE_TILES: readonly { screen: TileScreen; key: 'settingsTile' | 'auditLogTile'; shortcut: Shortcut }[] = [
  { screen: 'settings', key: 'settingsTile', shortcut: SHORTCUTS.settings },
  { screen: 'audit-log', key: 'auditLogTile', shortcut: SHORTCUTS.auditLog },
];

/**
 * หน้าหลัก: today's count and totals by method (day.summary), printers and unfinished print jobs,
 * the open outage (outage.list: a banner while one is open), the sync state (sync.status), approvals
 * waiting (approval.pending, supervisors), the scan/Ref1 box for counter roles, and a tile for each
 * screen this role may open. Fits 1366×768 without scrolling: tiles on the left, state on the right.
 */
export function HomeScreen({ info, user, request, onOpenUsers, onOpen, onScanText, onLogout, isLoggingOut }: HomeScreenProps) {
  const { t, language } = useI18n();
  const canViewUsers = mayViewUsers(user.role);
  const isCounter = isCounterRole(user.role);
  const [summary, setSummary] = useState<RequestOutput<'day.summary'> | null>(null);
  const [jobs, setJobs] = useState<readonly PrintJobSummary[] | null>(null);
  const [printers, setPrinters] = useState<RequestOutput<'print.settings.get'>['settings'] | null>(null);
  const [scanText, setScanText] = useState('');
  /** undefined = not read yet or not readable; null = no outage open. */
  const [outage, setOutage] = useState<RequestOutput<'outage.list'>['outages'][number] | null | undefined>(undefined);
  const [sync, setSync] = useState<{ status: RequestOutput<'sync.status'> } | { error: ReplyError } | null>(null);
  const [approvals, setApprovals] = useState<RequestOutput<'approval.pending'>['requests'] | null>(null);
  /** Field orders whose money was not handed in by the due date (field.overdue): the alarm of seed 001 §4. */
  const [overdueOrders, setOverdueOrders] = useState<readonly string[]>([]);
  /** Days whose remittance to the treasury is past 09:30 of the next business day (issue 10). */
  const [overdue, setOverdue] = useState<RequestOutput<'remittance.overdue'>['overdue']>([]);
  const tiles = [
    ...TILES.filter((tile) => mayOpen(user.role, tile.screen)).map((tile) => ({ ...tile, words: t.homeCounter.tiles[tile.key] })),
    ...MORE_TILES.filter((tile) => mayOpen(user.role, tile.screen)).map((tile) => ({ ...tile, words: t.settingsUi.home[tile.key] })),
  ];

  const load = useCallback(async () => {
    const day = await request('day.summary', {});
    if (day.ok) setSummary(day.value);
    const syncReply = await request('sync.status', {});
    setSync(syncReply.ok ? { status: syncReply.value } : { error: syncReply.error });
    if (mayCall(user.role, 'approval.pending')) {
      const pending = await request('approval.pending', {});
      if (pending.ok) setApprovals(pending.value.requests);
    }
    if (mayCall(user.role, 'outage.list')) {
      const outages = await request('outage.list', {});
      setOutage(outages.ok ? openOutage(outages.value.outages) : undefined);
    }
    if (mayCall(user.role, 'field.overdue')) {
      const overdue = await request('field.overdue', {});
      if (overdue.ok) setOverdueOrders(overdue.value.orders.map((o) => o.orderNo));
    }
    if (mayCall(user.role, 'remittance.overdue')) {
      const late = await request('remittance.overdue', {});
      if (late.ok) setOverdue(late.value.overdue);
    }
    if (mayCall(user.role, 'print.jobs')) {
      const [j, s] = await Promise.all([request('print.jobs', {}), request('print.settings.get', {})]);
      if (j.ok) setJobs(j.value.jobs);
      if (s.ok) setPrinters(s.value.settings);
    }
  }, [request, user.role]);
  useEffect(() => {
    void load();
  }, [load]);
  // The background sync moves on its own (src-main/sync/scheduler.ts): its state is read again now and then.
  useEffect(() => {
    const timer = setInterval(() => {
      void request('sync.status', {}).then((reply) => setSync(reply.ok ? { status: reply.value } : { error: reply.error }));
    }, SYNC_REFRESH_MS);
    return () => clearInterval(timer);
  }, [request]);

  useShortcuts([
    { shortcut: SHORTCUTS.users, run: onOpenUsers, enabled: canViewUsers },
    { shortcut: SHORTCUTS.refresh, run: () => void load() },
    ...tiles.map((tile) => ({ shortcut: tile.shortcut, run: () => onOpen({ screen: tile.screen }) })),
  ]);

  // Finance, the head, the auditor and the administrator have 10–12 tiles: four a row, so that home
  // fits 1366×768. Today's figures move to the right-hand column where it is short (no scan box and no
  // printers: finance, head, auditor); the administrator's holds the printers, so they stay on the left.
  const hasManyTiles = tiles.length + (canViewUsers ? 1 : 0) > MAX_TILES_THREE_A_ROW;
  const isSummaryOnSide = hasManyTiles && !isCounter && !mayCall(user.role, 'print.jobs');
  const todayPanel = (
    <section className="panel" aria-labelledby="today-title" data-testid="day-summary">
      <h2 id="today-title" className="section-title">
        {t.homeCounter.todayHeading}
      </h2>
      {summary === null ? (
        <p className="panel__text">{t.counter.loading}</p>
      ) : (
        <>
          <dl className="facts facts--row">
            <div><dt>{t.homeCounter.receipts}</dt><dd data-testid="receipt-count">{summary.receipts}</dd></div>
            <div><dt>{t.homeCounter.total}</dt><dd data-testid="receipt-total">{formatSatang(summary.totalSatang)} {t.counter.baht}</dd></div>
            <div><dt>{t.homeCounter.requests}</dt><dd>{summary.requests}</dd></div>
            <div><dt>{t.homeCounter.paidAwaiting}</dt><dd>{summary.paidAwaitingReceipt}</dd></div>
          </dl>
          {summary.byMethod.length === 0 ? (
            <p className="panel__text">{t.homeCounter.noReceipts}</p>
          ) : (
            <ul className="plain-list" aria-label={t.homeCounter.byMethod}>
              {summary.byMethod.map((row) => (
                <li key={row.method}>
                  {t.counter.methods[row.method]}: {row.count} · {formatSatang(row.totalSatang)} {t.counter.baht}
                </li>
              ))}
            </ul>
          )}
          {(summary.cancelledReceipts > 0 || summary.provisionalReceipts > 0) && (
            <p className="panel__text">
              {t.homeCounter.cancelled}: {summary.cancelledReceipts} · {t.homeCounter.provisional}: {summary.provisionalReceipts}
            </p>
          )}
        </>
      )}
    </section>
  );

  const onScan = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    onScanText(scanText);
  };

  return (
    <ScreenFrame title={t.home.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--home">
      {outage !== undefined && outage !== null && (
        <p className="notice notice--warn outage-banner" role="status" data-testid="outage-banner">
          {t.homeCounter.outageOpen(formatMoment(outage.startedAtMs, language), outage.cause)}
        </p>
      )}
      {overdueOrders.length > 0 && (
        <p className="notice notice--warn" role="status" data-testid="field-overdue-banner">
          {t.homeCounter.fieldOverdue(overdueOrders.join(', '))}
        </p>
      )}
      {overdue.length > 0 && (
        <p className="notice notice--error remittance-banner" role="status" data-testid="remittance-overdue">
          {t.homeCounter.remittanceOverdue(
            [...new Set(overdue.map((o) => o.businessDate))].map((d) => formatBusinessDate(d, language)).join(', '),
            formatSatang(overdue.reduce((sum, o) => sum + o.remitSatang, 0)),
          )}
        </p>
      )}
      <div className={`home-layout${hasManyTiles ? ' home-layout--many' : ''}`}>
        <div className="home-main">
          <section className="panel welcome" aria-labelledby="welcome-title">
            <h1 id="welcome-title" className="welcome__title">
              {t.home.welcome(user.fullNameTh)}
            </h1>
            {info !== null && (
              <p className="welcome__date">
                <span className="welcome__label">{t.home.today}</span> {formatBusinessDate(info.businessDate, language, 'full')}
              </p>
            )}
            {info !== null && <p className="welcome__note">{t.home.idleNote(Math.round(info.idleTimeoutMs / MS_PER_MINUTE))}</p>}
          </section>
          {!isSummaryOnSide && todayPanel}
          {(tiles.length > 0 || canViewUsers) && (
            <section className="tiles" aria-labelledby="tiles-title">
              <h2 id="tiles-title" className="section-title">
                {t.home.tilesHeading}
              </h2>
              <div className="tiles__grid">
                {tiles.map((tile, i) => (
                  <button key={tile.screen} type="button" className="tile" onClick={() => onOpen({ screen: tile.screen })} aria-keyshortcuts={tile.shortcut.label} autoFocus={i === 0}>
                    <span className="tile__title">{tile.words[0]}</span>
                    <span className="tile__text">{tile.words[1]}</span>
                    <ShortcutHint shortcut={tile.shortcut} />
                  </button>
                ))}
                {canViewUsers && (
                  <button type="button" className="tile" onClick={onOpenUsers} aria-keyshortcuts="F2" autoFocus={tiles.length === 0}>
                    <span className="tile__title">{t.home.usersTile}</span>
                    <span className="tile__text">{mayManageUsers(user.role) ? t.home.usersTileManage : t.home.usersTileView}</span>
                    <ShortcutHint shortcut={SHORTCUTS.users} />
                  </button>
                )}
              </div>
            </section>
          )}
        </div>
        <div className="home-side">
          {isSummaryOnSide && todayPanel}
          {isCounter && (
            <section className="panel" aria-labelledby="scan-title">
              <h2 id="scan-title" className="section-title">
                {t.homeCounter.scanHeading}
              </h2>
              <form className="scan-form" onSubmit={onScan}>
                <TextField label={t.homeCounter.scanLabel} hint={t.homeCounter.scanHint} value={scanText} onChange={(e) => setScanText(e.target.value)} autoComplete="off" spellCheck={false} className="field--grow" />
                <button type="submit" className="button button--primary">
                  {t.homeCounter.scanOpen}
                </button>
              </form>
            </section>
          )}
          <section className="panel home-state" aria-labelledby="status-title">
            <h2 id="status-title" className="section-title">
              {t.homeCounter.stateHeading}
            </h2>
            {printers !== null && <h3 className="subsection-title">{t.homeCounter.printerHeading}</h3>}
            {printers !== null && (
              <ul className="plain-list home-state__printers">
                {printerGroups(printers).map((group, _i, groups) => (
                  <li key={group.key}>
                    {groups.length === 1 ? t.homeCounter.printerAllDocuments : group.kinds.map((kind) => t.counter.documents[kind]).join(', ')}: {t.counter.adapters[group.setting.adapter]}
                    {group.setting.deviceName !== null && ` (${group.setting.deviceName})`} · {group.setting.paper}
                  </li>
                ))}
              </ul>
            )}
            {jobs !== null && (
              <>
                <p className={`notice ${jobs.length === 0 ? 'notice--ok' : 'notice--warn'}`} data-testid="pending-jobs">
                  {t.homeCounter.pendingJobs(jobs.length)}
                </p>
                {jobs.length > 0 && (
                  <ul className="plain-list">
                    {jobs.slice(0, 3).map((job) => (
                      <li key={job.id}>{t.homeCounter.jobLine(t.counter.documents[job.documentKind], t.counter.jobStates[job.state])}</li>
                    ))}
                  </ul>
                )}
              </>
            )}
            <h3 className="subsection-title">{t.homeCounter.syncHeading}</h3>
            <SyncState sync={sync} />
            <h3 className="subsection-title">{t.homeCounter.outageHeading}</h3>
            <p className={`notice ${outage === undefined ? 'notice--unknown' : outage === null ? 'notice--ok' : 'notice--warn'}`} data-testid="outage-state">
              {outage === undefined ? t.homeCounter.outageUnknown : outage === null ? t.homeCounter.outageNone : t.homeCounter.outageOpen(formatMoment(outage.startedAtMs, language), outage.cause)}
            </p>
            {approvals !== null && (
              <>
                <h3 className="subsection-title">{t.settingsUi.home.approvalsHeading}</h3>
                <p className={`notice ${approvals.length === 0 ? 'notice--ok' : 'notice--warn'}`} data-testid="pending-approvals">
                  {approvals.length === 0 ? t.settingsUi.home.approvalsNone : t.settingsUi.home.approvalsWaiting(approvals.length)}
                </p>
                {approvals.length > 0 && (
                  <ul className="plain-list home-state__approvals">
                    {approvals.slice(0, 3).map((a) => (
                      <li key={a.id}>
                        {t.settingsUi.home.approvalLine(t.settingsUi.home.approvalActions[a.action] ?? a.action, a.subject, a.requestedByNameTh, formatMoment(a.requestedAtMs, language))}
                        {!a.isSent && ` · ${t.settingsUi.home.approvalNotSent}`}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </section>
        </div>
      </div>
    </ScreenFrame>
  );
}

/** The sync state as `ebill sync status` knows it (enrolled or not, central's mark, what is waiting, the last acknowledgement) and, in the app, the background sync's last round, its error and the next attempt. */
function SyncState({ sync }: { readonly sync: { status: RequestOutput<'sync.status'> } | { error: ReplyError } | null }) {
  const { t, language } = useI18n();
  const words = t.settingsUi.home;
  if (sync === null) return <p className="notice notice--unknown" data-testid="sync-state">{t.counter.loading}</p>;
  if ('error' in sync) return <p className="notice notice--error" data-testid="sync-state">{t.errors[sync.error.code]}</p>;
  const { status } = sync;
  if (!status.isEnrolled) return <p className="notice notice--unknown" data-testid="sync-state">{words.syncNotEnrolled}</p>;
  const background = status.background;
  const isFailing = background !== undefined && background.lastErrorCode !== null;
  return (
    <p className={`notice ${isFailing ? 'notice--error' : status.pending === 0 ? 'notice--ok' : 'notice--warn'}`} data-testid="sync-state">
      {status.pending === 0 ? words.syncAllSent(status.centralHighWater) : words.syncPending(status.pending, status.centralHighWater)}
      {status.provincePaymentsPending > 0 && (
        <span data-testid="sync-province-pending">
          <br />
          {words.syncProvincePending(status.provincePaymentsPending)}
        </span>
      )}
      <br />
      {status.lastAckAtMs === null ? words.syncNeverAck : words.syncLastAck(formatMoment(status.lastAckAtMs, language))}
      {background !== undefined && (
        <span data-testid="sync-background">
          <br />
          {background.lastRoundAtMs === null
            ? words.syncNoRoundYet
            : background.lastErrorCode === null
              ? words.syncRoundOk(formatMoment(background.lastRoundAtMs, language))
              : words.syncRoundFailed(formatMoment(background.lastRoundAtMs, language), t.errors[background.lastErrorCode])}
          {background.nextAttemptAtMs !== null && (
            <>
              <br />
              {words.syncNextAttempt(formatMoment(background.nextAttemptAtMs, language))}
            </>
          )}
        </span>
      )}
    </p>
  );
}
