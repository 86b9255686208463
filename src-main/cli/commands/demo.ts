import { existsSync, rmSync } from 'node:fs';
import type { Role } from '../../../src-shared/domain/roles';
import { CodedError } from '../../../src-shared/result';
import { readOfficeState, setUpOffice } from '../../office/office-service';
import { dataPaths } from '../../platform/paths';
import { parseCommand } from '../args';
import type { CommandResult } from '../output';
import { call, loginAs, openHost, type CliEnv } from '../runtime';

export const DEMO_PASSWORD = 'demo1234';

/** The demonstration office of cli.md: place 5401, slot 1, one user per role. */
export const DEMO_OFFICE = {
  place: '5401',
  nameTh: 'ที่ทำการปกครองอำเภอเมืองแพร่',
  province: 'แพร่',
  costCentre: '5400100001',
  // Placeholder biller id: documents of a demo database carry a visible ตัวอย่าง / DEMO mark.
  billerId: '099999999999990',
  companyCode: null,
} as const;

export const DEMO_USERS: readonly { username: string; role: Role; fullNameTh: string; positionTh: string }[] = [
  { username: 'admin', role: 'admin', fullNameTh: 'นายสมชาย ดูแลระบบ', positionTh: 'นักวิชาการคอมพิวเตอร์ปฏิบัติการ' },
  { username: 'operator', role: 'operator', fullNameTh: 'นางสาวสมศรี ใจดี', positionTh: 'เจ้าพนักงานปกครองปฏิบัติงาน' },
  { username: 'supervisor', role: 'supervisor', fullNameTh: 'นายประเสริฐ รักงาน', positionTh: 'เจ้าพนักงานปกครองชำนาญงาน' },
  { username: 'finance', role: 'finance', fullNameTh: 'นางวิไล มั่นคง', positionTh: 'นักวิชาการเงินและบัญชีชำนาญการ' },
  { username: 'head', role: 'head', fullNameTh: 'นายวิทยา ผู้นำ', positionTh: 'นายอำเภอเมืองแพร่' },
  { username: 'auditor', role: 'auditor', fullNameTh: 'นางสุดา ตรวจตรา', positionTh: 'นักวิชาการตรวจสอบภายในชำนาญการ' },
];

/** `ebill demo`: makes the demo office in --data-dir, replacing a previous demo (never a real office). */
export async function demoCommand(env: CliEnv, rest: readonly string[]): Promise<CommandResult> {
  parseCommand(rest, {});
  const paths = dataPaths(env.dataDir);
  if (existsSync(paths.databaseFile)) {
    const previous = openHost(env);
    const state = readOfficeState(previous.services.db);
    previous.close();
    if (state.office !== null && !state.isDemo) {
      throw new CodedError('ALREADY_SET_UP', `${paths.databaseFile} holds a real office database; demo replaces only a previous demo`);
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${paths.databaseFile}${suffix}`, { force: true });
  }

  const host = openHost(env);
  try {
    const [admin, ...others] = DEMO_USERS;
    if (admin === undefined) throw new Error('demo users missing');
    await setUpOffice(host.services.db, host.services.clock, host.services.machineId, host.services.appVersion, {
      office: DEMO_OFFICE,
      terminalSlot: 1,
      isTraining: false,
      isDemo: true,
      admin: { username: admin.username, fullNameTh: admin.fullNameTh, positionTh: admin.positionTh, password: DEMO_PASSWORD },
    });
    await loginAs(host, admin.username, DEMO_PASSWORD);
    for (const user of others) await call(host, 'user.add', { ...user, password: DEMO_PASSWORD });
    const users = (await call(host, 'user.list', { includeDisabled: true })).users.map((u) => ({
      username: u.username,
      role: u.role,
      fullNameTh: u.fullNameTh,
      positionTh: u.positionTh,
    }));
    return {
      place: DEMO_OFFICE.place,
      terminalSlot: 1,
      database: host.services.database.file,
      users,
      text: `สร้างสำนักงานตัวอย่างแล้ว / demo office ready: ${DEMO_OFFICE.nameTh}; users ${users.map((u) => u.username).join(', ')} (password ${DEMO_PASSWORD})`,
    };
  } finally {
    host.close();
  }
}
