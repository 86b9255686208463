import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestMap, REQUEST_NAMES, type RequestName } from '../../src-shared/contract';
import { syncStatus } from '../../src-main/sync/status';
import { client, loginAs, snapshotBusinessTables, SETUP_INPUT } from '../helpers/office';
import { expectRefused, makeLedgerOffice, type LedgerOffice } from '../ledger/ledger-helpers';

/** Home, settings and the audit log (issue 7): sync.status, approval.pending, catalog.list, backup.*, audit.log. */
let office: LedgerOffice;
beforeEach(async () => {
  office = await makeLedgerOffice();
});
afterEach(() => office.close());

function configFile(): string {
  return join(office.dataDir, 'backup-config.json');
}

describe('sync.status shows what `ebill sync status` knows, to every role, and writes nothing', () => {
  it('not enrolled; every ledger entry is waiting; the same figures as syncStatus', async () => {
    await office.cashReceipt();
    const before = snapshotBusinessTables(office);
    const status = await office.as(office.auditor, 'sync.status', {});
    expect(snapshotBusinessTables(office)).toBe(before);
    expect(status).toEqual(syncStatus(office.host.services.database.sqlite));
    expect(status.isEnrolled).toBe(false);
    expect(status.centralHighWater).toBe(0);
    expect(status.lastAckAtMs).toBeNull();
    expect(status.localSeq).toBeGreaterThan(0);
    expect(status.pending).toBe(office.count('outbox'));
    expect((await office.as(office.operator, 'sync.status', {})).pending).toBe(status.pending);
  });
});

describe('approval.pending lists the requests waiting for central, for supervisors', () => {
  it('a pending request is listed with its requester; a decided one is not; the operator is refused', async () => {
    const sqlite = office.host.services.database.sqlite;
    const operatorId = (sqlite.prepare(`SELECT id FROM users WHERE username = 'operator'`).get() as { id: string }).id;
    const insert = sqlite.prepare(
      `INSERT INTO central_approval_requests (id, action, subject, reason_code, reason_text, business_date, requested_by_user_id, requested_at_ms, is_sent, status) VALUES (?, ?, ?, 'printer-fault', 'กระดาษติด', '2026-11-23', ?, ?, ?, ?)`,
    );
    insert.run('req-1', 'receipt.reprint', 'E69-0001/1', operatorId, office.clock.nowMs(), 1, 'pending');
    insert.run('req-2', 'receipt.cancel', 'E69-0001/2', operatorId, office.clock.nowMs(), 1, 'approved');
    insert.run('req-3', 'receipt.cancel', 'E69-0001/3', operatorId, office.clock.nowMs() + 1, 0, 'pending');
    const list = await office.as(office.supervisor, 'approval.pending', {});
    expect(list.requests.map((r) => [r.id, r.action, r.subject, r.requestedByNameTh, r.isSent])).toEqual([
      ['req-1', 'receipt.reprint', 'E69-0001/1', 'ผู้ใช้ operator', true],
      ['req-3', 'receipt.cancel', 'E69-0001/3', 'ผู้ใช้ operator', false],
    ]);
    await expectRefused(office, office.operator, 'approval.pending', {}, 'FORBIDDEN');
    await expectRefused(office, office.auditor, 'approval.pending', {}, 'FORBIDDEN');
  });
});

describe('catalog.list is the catalog main checks revenue codes against', () => {
  it('the 14 fine laws with their group and deduction rate, no fee type yet', async () => {
    const catalog = await office.as(office.operator, 'catalog.list', {});
    expect(catalog.fineLaws).toHaveLength(14);
    expect(catalog.fineLaws[0]).toEqual({ revenueCode: '804001', lawNameTh: 'พ.ร.บ. บัตรประจำตัวประชาชน พ.ศ. 2526', lawNameEn: 'Identity Card Act B.E. 2526 (section 17)', group: '1.1', rewardBasisPoints: 0, costBasisPoints: 0 });
    expect(catalog.feeTypes).toEqual([]);
  });
});

describe('backups from the settings screen', () => {
  it('back up now writes a verified backup to the folder in force and the status lists it; audited', async () => {
    await office.cashReceipt();
    const empty = await office.as(office.supervisor, 'backup.status', {});
    expect(empty).toMatchObject({ dir: join(office.dataDir, 'backups'), isDirConfigured: false, keep: 30, backups: [], count: 0 });
    const made = await office.as(office.supervisor, 'backup.run', {});
    expect(existsSync(made.file.name)).toBe(true);
    expect(made.file.headSeq).toBe(syncStatus(office.host.services.database.sqlite).localSeq);
    const status = await office.as(office.auditor, 'backup.status', {});
    expect(status.count).toBe(1);
    expect(status.backups[0]).toMatchObject({ name: made.file.name, headSeq: made.file.headSeq });
    expect(status.backups[0]?.bytes).toBeGreaterThan(0);
    const audit = await office.as(office.auditor, 'audit.log', { action: 'backup.run' });
    expect(audit.rows.map((r) => [r.username, r.outcome])).toEqual([['supervisor', 'ok']]);
  });

  it('the administrator changes the folder; the next backup goes there; other settings in the file are kept', async () => {
    writeFileSync(configFile(), JSON.stringify({ keep: 5 }));
    const folder = join(office.dataDir, 'usb-disk', 'ebill');
    expect(await office.as(office.admin, 'backup.setFolder', { dir: folder })).toEqual({ dir: folder });
    expect(JSON.parse(readFileSync(configFile(), 'utf8'))).toEqual({ keep: 5, dir: folder });
    const made = await office.as(office.admin, 'backup.run', {});
    expect(made.file.name.startsWith(folder)).toBe(true);
    expect(await office.as(office.admin, 'backup.status', {})).toMatchObject({ dir: folder, isDirConfigured: true, keep: 5, count: 1 });
  });

  it('a relative path, a file and a bad role are refused with their codes and the configuration stays as it was', async () => {
    writeFileSync(configFile(), JSON.stringify({ keep: 7 }));
    const file = join(office.dataDir, 'not-a-folder.txt');
    writeFileSync(file, 'x');
    const before = readFileSync(configFile(), 'utf8');
    await expectRefused(office, office.admin, 'backup.setFolder', { dir: 'backups-here' }, 'BACKUP_FOLDER_INVALID');
    await expectRefused(office, office.admin, 'backup.setFolder', { dir: file }, 'BACKUP_FOLDER_INVALID');
    await expectRefused(office, office.admin, 'backup.setFolder', { dir: `${office.dataDir}/a\u0007b` }, 'BAD_INPUT');
    await expectRefused(office, office.supervisor, 'backup.setFolder', { dir: join(office.dataDir, 'x') }, 'FORBIDDEN');
    await expectRefused(office, office.operator, 'backup.run', {}, 'FORBIDDEN');
    await expectRefused(office, office.operator, 'backup.status', {}, 'FORBIDDEN');
    expect(readFileSync(configFile(), 'utf8')).toBe(before);
    expect(existsSync(join(office.dataDir, 'x'))).toBe(false);
  });
});

describe('audit.log: every action, refused ones included, newest first, paged and filtered', () => {
  it('shows refused calls with their code; filters by user, action, outcome and business dates; pages with a total', async () => {
    await office.cashReceipt();
    await office.call(office.operator, 'audit.log', {});
    await office.call(office.operator, 'user.add', { username: 'x1', fullNameTh: 'ผู้ใช้ ใหม่', positionTh: 'เจ้าพนักงาน', role: 'operator', password: 'Counter2569' });
    const refused = await office.as(office.auditor, 'audit.log', { outcome: 'refused', username: 'operator' });
    expect(refused.rows.map((r) => [r.action, r.code])).toEqual([
      ['user.add', 'FORBIDDEN'],
      ['audit.log', 'FORBIDDEN'],
    ]);
    expect(refused.total).toBe(2);
    const issued = await office.as(office.auditor, 'audit.log', { action: 'receipt.issue' });
    expect(issued.rows.map((r) => [r.username, r.outcome, r.channel])).toEqual([['operator', 'ok', 'web']]);

    const all = await office.as(office.admin, 'audit.log', { limit: 100 });
    const first = await office.as(office.auditor, 'audit.log', { limit: 2 });
    const second = await office.as(office.auditor, 'audit.log', { limit: 2, offset: 2 });
    expect(first.total).toBe(all.total);
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(all.rows.slice(0, 4).map((r) => r.id));
    expect(all.rows.map((r) => r.atMs)).toEqual([...all.rows.map((r) => r.atMs)].sort((a, b) => b - a));

    expect((await office.as(office.auditor, 'audit.log', { fromDate: '2026-11-23', toDate: '2026-11-23' })).total).toBe(all.total);
    expect((await office.as(office.auditor, 'audit.log', { fromDate: '2026-11-24' })).total).toBe(0);
    expect((await office.as(office.auditor, 'audit.log', { toDate: '2026-11-22' })).total).toBe(0);
  });

  it('refuses bad filters with BAD_INPUT and the roles that may not read it with FORBIDDEN, changing nothing', async () => {
    for (const input of [{ limit: 101 }, { limit: 0 }, { offset: -1 }, { fromDate: '2026-02-30' }, { fromDate: '2026-11-24', toDate: '2026-11-23' }, { action: 'receipt%' }, { username: 'a_b' }, { outcome: 'maybe' }, { extra: 1 }]) {
      await expectRefused(office, office.auditor, 'audit.log', input as never, 'BAD_INPUT');
    }
    await expectRefused(office, office.operator, 'audit.log', {}, 'FORBIDDEN');
    await expectRefused(office, office.supervisor, 'audit.log', {}, 'FORBIDDEN');
  });
});

describe('the auditor changes nothing (seed 001 §9)', () => {
  it('every command but logging in and out is refused for the auditor, and no business row changes', async () => {
    await office.cashReceipt();
    const mayCallAsAuditor = REQUEST_NAMES.filter((name) => requestMap[name].kind === 'command' && (requestMap[name].access === 'public' || (requestMap[name].access as readonly string[]).includes('auditor')));
    expect(mayCallAsAuditor).toEqual(['setup.init', 'session.login', 'session.logout']);
    const before = snapshotBusinessTables(office);
    const commands = REQUEST_NAMES.filter((name): name is RequestName => requestMap[name].kind === 'command' && !mayCallAsAuditor.includes(name));
    expect(commands.length).toBeGreaterThan(40);
    for (const name of commands) {
      const reply = await office.host.call(office.auditor, name, {});
      expect(reply.ok ? 'ok' : reply.error.code, name).toBe('FORBIDDEN');
    }
    // Set-up is public but refuses an office that is set up already.
    const setup = await office.call(office.auditor, 'setup.init', SETUP_INPUT);
    expect(setup.ok).toBe(false);
    expect(snapshotBusinessTables(office)).toBe(before);
    const refusals = await office.as(office.auditor, 'audit.log', { username: 'auditor', outcome: 'refused', limit: 100 });
    expect(refusals.total).toBeGreaterThanOrEqual(commands.length);
    // A fresh auditor window logs in and out: the only commands the role has.
    const window = client('auditor-2');
    await loginAs(office, window, 'auditor');
    expect((await office.call(window, 'session.logout', {})).ok).toBe(true);
  });
});
