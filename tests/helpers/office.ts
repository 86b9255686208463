import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestInput, RequestName, Reply, RequestOutput } from '../../src-shared/contract';
import type { Role } from '../../src-shared/domain/roles';
import type { ClientRef } from '../../src-main/host/context';
import { createOfficeHost, type OfficeHost, type OfficeHostOptions } from '../../src-main/host/office-host';
import { manualClock } from '../../src-main/platform/clock';
import { memoryLogger } from '../../src-main/platform/logger';
import { dataPaths } from '../../src-main/platform/paths';

/** 2026-11-23 09:00 Asia/Bangkok. */
export const T0_MS = Date.UTC(2026, 10, 23, 2, 0, 0);
export const MACHINE_ID = 'test-machine-0001';
export const PASSWORD = 'Counter2569';

export interface TestOffice {
  readonly host: OfficeHost;
  readonly dataDir: string;
  readonly clock: ReturnType<typeof manualClock>;
  readonly logger: ReturnType<typeof memoryLogger>;
  call<K extends RequestName>(client: ClientRef, name: K, input: RequestInput<K>): Promise<Reply<RequestOutput<K>>>;
  close(): void;
}

/** `backgroundSync`: the host runs the background sync as the desktop app does (tests/sync/background.test.ts). */
export interface TestOfficeOptions {
  readonly idleTimeoutMs?: number;
  readonly dataDir?: string;
  readonly backgroundSync?: OfficeHostOptions['backgroundSync'];
}

export function makeTestOffice(options: TestOfficeOptions = {}): TestOffice {
  return openTestOffice(options, options.dataDir === undefined);
}

function openTestOffice(options: TestOfficeOptions, ownsDataDir: boolean): TestOffice {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ebill-test-'));
  const clock = manualClock(T0_MS);
  const logger = memoryLogger();
  const host = createOfficeHost({
    dataDir,
    clock,
    logger,
    machineId: MACHINE_ID,
    appVersion: '0.0.0-test',
    ...(options.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: options.idleTimeoutMs }),
    ...(options.backgroundSync === undefined ? {} : { backgroundSync: options.backgroundSync }),
  });
  return {
    host,
    dataDir,
    clock,
    logger,
    call: (client, name, input) => host.call(client, name, input) as never,
    close: () => {
      host.close();
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const client = (id: string, channel: ClientRef['channel'] = 'web'): ClientRef => ({ id, channel });

export const SETUP_INPUT = {
  office: {
    place: '5401',
    nameTh: 'ที่ทำการปกครองอำเภอเมืองแพร่',
    province: 'แพร่',
    costCentre: '5400100001',
    billerId: '099999999999990',
    companyCode: null,
  },
  terminalSlot: 1,
  isTraining: false,
  admin: { username: 'admin', fullNameTh: 'นายสมชาย ดูแลระบบ', positionTh: 'ผู้ดูแลระบบ', password: PASSWORD },
} satisfies RequestInput<'setup.init'>;

/** Sets the office up and adds one user per role (username = role name), all with PASSWORD. */
export async function setUpWithUsers(office: TestOffice): Promise<void> {
  const admin = client('setup-admin');
  await expectOk(office.call(admin, 'setup.init', SETUP_INPUT));
  await expectOk(office.call(admin, 'session.login', { username: 'admin', password: PASSWORD }));
  const roles: Role[] = ['operator', 'supervisor', 'finance', 'head', 'auditor'];
  for (const role of roles) {
    await expectOk(office.call(admin, 'user.add', { username: role, fullNameTh: `ผู้ใช้ ${role}`, positionTh: 'เจ้าพนักงาน', role, password: PASSWORD }));
  }
  await expectOk(office.call(admin, 'session.logout', {}));
}

let setUpTemplate: string | undefined;

/**
 * A new office set up as `setUpWithUsers` does. The first one in a test file is set up for real
 * (migrations, seven argon2 hashes: about a second on a loaded machine); it is then copied
 * (`VACUUM INTO`) and every later one opens a copy of that database file in its own folder. The
 * copies share ids and timestamps of the set-up records, which no test compares across offices.
 */
export async function makeSetUpOffice(options: TestOfficeOptions = {}): Promise<TestOffice> {
  if (setUpTemplate === undefined) {
    const office = makeTestOffice(options);
    await setUpWithUsers(office);
    const file = join(mkdtempSync(join(tmpdir(), 'ebill-template-')), 'set-up.sqlite');
    office.host.services.database.sqlite.prepare('VACUUM INTO ?').run(file);
    setUpTemplate = file;
    return office;
  }
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ebill-test-'));
  const databaseFile = dataPaths(dataDir).databaseFile;
  if (existsSync(databaseFile)) throw new Error(`makeSetUpOffice: ${databaseFile} exists already`);
  copyFileSync(setUpTemplate, databaseFile);
  return openTestOffice({ ...options, dataDir }, options.dataDir === undefined);
}

export async function loginAs(office: TestOffice, who: ClientRef, username: string): Promise<void> {
  await expectOk(office.call(who, 'session.login', { username, password: PASSWORD }));
}

export async function expectOk<T>(reply: Promise<Reply<T>>): Promise<T> {
  const settled = await reply;
  if (!settled.ok) throw new Error(`expected ok, got ${settled.error.code}: ${settled.error.message}`);
  return settled.value;
}

/** Every business row except the audit log, as JSON: "changes nothing" is this staying equal. */
export function snapshotBusinessTables(office: TestOffice): string {
  const sqlite = office.host.services.database.sqlite;
  const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT IN ('audit_log','ebill_migrations') AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
  return JSON.stringify(tables.map((name) => [name, sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}
