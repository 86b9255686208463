import { businessDateOf } from '../../src-shared/dates';
import type { Handlers } from '../host/context';
import { daySummary, paidBills, receiptHistory, searchRecords } from './queries';
import { syncStatus } from '../sync/status';
import { auditLogPage, backupStatus, catalogList, pendingApprovals, runBackup, setBackupFolder } from './settings-queries';

/** The counter screens' read-only queries (issue 7). Roles are checked by the dispatcher first. */
export const counterHandlers = {
  'day.summary': (_input, { services }) => daySummary(services.database.sqlite, businessDateOf(services.clock.nowMs())),
  'bill.paidList': (_input, { services }) => paidBills(services.database.sqlite),
  'record.search': (input, { services }) => searchRecords(services.database.sqlite, input),
  'receipt.history': (input, { services }) => receiptHistory(services.database.sqlite, input.book, input.number),
} satisfies Pick<Handlers, 'day.summary' | 'bill.paidList' | 'record.search' | 'receipt.history'>;

/** Home, settings and the audit log (issue 7): reads, plus the backup ones (`backup.run`, `backup.setFolder`). */
export const settingsHandlers = {
  'sync.status': (_input, { services }) => {
    const background = services.backgroundSync?.state();
    return { ...syncStatus(services.database.sqlite), ...(background === undefined ? {} : { background }) };
  },
  'approval.pending': (_input, { services }) => pendingApprovals(services.database.sqlite),
  'catalog.list': (_input, { services }) => catalogList(services.database.sqlite, services.logger),
  'backup.status': (_input, { services }) => backupStatus(services.database.sqlite, services.dataDir),
  'backup.run': (_input, { services }) =>
    runBackup({ sqlite: services.database.sqlite, dataDir: services.dataDir, clock: services.clock, logger: services.logger, ...(services.nativeBinding === undefined ? {} : { nativeBinding: services.nativeBinding }) }),
  'backup.setFolder': (input, { services }) => setBackupFolder(services.dataDir, input.dir),
  'audit.log': (input, { services }) => auditLogPage(services.database.sqlite, input),
} satisfies Pick<Handlers, 'sync.status' | 'approval.pending' | 'catalog.list' | 'backup.status' | 'backup.run' | 'backup.setFolder' | 'audit.log'>;
