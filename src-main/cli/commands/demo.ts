import { existsSync, rmSync } from 'node:fs';
import type { Role } from '../../../src-shared/domain/roles';
import { CodedError } from '../../../src-shared/result';
import { readOfficeState, setUpOffice } from '../../office/office-service';
import { dataPaths } from '../../platform/paths';
import { parseCommand } from '../args';
import type { CommandResult } from '../output';
import { addDays, bangkokInstantMs, businessDateOf, fiscalYearBeOf } from '../../../src-shared/dates';
import type { OfficeHost } from '../../host/office-host';
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

/** The paper-book records `demo --with-paper-books` adds, so every books screen shows something. */
export const DEMO_PAPER_BOOKS = {
  officeBook: 'P70-0001',
  officerBook: 'P70-0002',
  fieldOrderNo: '1/2570',
  outageCause: 'ไฟฟ้าดับทั้งอาคาร (ตัวอย่าง)',
} as const;

/**
 * Paper books (issue 8) for the demo office, through the contract as each role would: finance
 * registers two books (one held by the office, one by the operator); an outage yesterday
 * 09:00–11:00 with leaf 1 written on paper and keyed by the operator; the head's field order for the
 * operator today and tomorrow with leaves 1–10 of the officer's book.
 */
async function addDemoPaperBooks(host: OfficeHost, nowMs: number): Promise<{ books: string[]; outageId: string; fieldOrderId: string; paperReceipt: string }> {
  const today = businessDateOf(nowMs);
  const yesterday = addDays(today, -1);
  const fiscalYearBe = fiscalYearBeOf(today);
  const { officeBook, officerBook } = DEMO_PAPER_BOOKS;
  await loginAs(host, 'finance', DEMO_PASSWORD);
  await call(host, 'book.register', { bookNo: officeBook, firstLeaf: 1, lastLeaf: 50, fiscalYearBe });
  await call(host, 'book.assign', { bookNo: officeBook, holder: { kind: 'office' } });
  await call(host, 'book.register', { bookNo: officerBook, firstLeaf: 1, lastLeaf: 25, fiscalYearBe });
  await call(host, 'book.assign', { bookNo: officerBook, holder: { kind: 'officer', username: 'operator' } });
  await loginAs(host, 'operator', DEMO_PASSWORD);
  const { outageId } = await call(host, 'outage.start', { cause: DEMO_PAPER_BOOKS.outageCause, startedAtMs: bangkokInstantMs(yesterday, 9 * 60) });
  await call(host, 'outage.end', { outageId, endedAtMs: bangkokInstantMs(yesterday, 11 * 60), note: 'ไฟกลับมาแล้ว', writtenLeaves: [{ bookNo: officeBook, firstLeaf: 1, lastLeaf: 1, businessDate: yesterday }] });
  const keyed = await call(host, 'paperReceipt.key', {
    outageId,
    bookNo: officeBook,
    leaf: 1,
    paperDate: yesterday,
    payerName: 'นายสมหมาย ตัวอย่าง',
    revenueCode: '804001',
    amountSatang: 50_000,
    payment: { method: 'cash' },
  });
  await loginAs(host, 'head', DEMO_PASSWORD);
  const order = await call(host, 'field.order', {
    orderNo: DEMO_PAPER_BOOKS.fieldOrderNo,
    officerUsername: 'operator',
    placeText: 'ตำบลป่าแดง อำเภอเมืองแพร่ (ตัวอย่าง)',
    fromDate: today,
    toDate: addDays(today, 1),
    leaves: [{ bookNo: officerBook, firstLeaf: 1, lastLeaf: 10 }],
  });
  await call(host, 'session.logout', {});
  return { books: [officeBook, officerBook], outageId, fieldOrderId: order.orderId, paperReceipt: `${keyed.receiptBook}/${keyed.receiptNo}` };
}

/**
 * `ebill demo`: makes the demo office in --data-dir, replacing a previous demo (never a real office).
 * `--with-paper-books` also adds the paper-book records above (cli.md's demo has no business records
 * by default, and the tests that start from it count on that).
 */
export async function demoCommand(env: CliEnv, rest: readonly string[]): Promise<CommandResult> {
  const { values } = parseCommand(rest, { 'with-paper-books': { type: 'boolean' } });
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
    const paperBooks = values['with-paper-books'] === true ? await addDemoPaperBooks(host, host.services.clock.nowMs()) : null;
    return {
      place: DEMO_OFFICE.place,
      terminalSlot: 1,
      database: host.services.database.file,
      users,
      ...(paperBooks === null ? {} : { paperBooks }),
      text: `สร้างสำนักงานตัวอย่างแล้ว / demo office ready: ${DEMO_OFFICE.nameTh}; users ${users.map((u) => u.username).join(', ')} (password ${DEMO_PASSWORD})${
        paperBooks === null ? '' : `; paper books ${paperBooks.books.join(', ')}, a past outage with receipt ${paperBooks.paperReceipt}, field order ${DEMO_PAPER_BOOKS.fieldOrderNo}`
      }`,
    };
  } finally {
    host.close();
  }
}
