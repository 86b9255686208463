import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REQUEST_NAMES, requestMap, type RequestName } from '../../src-shared/contract';
import { client, loginAs, makeSetUpOffice, snapshotBusinessTables, SETUP_INPUT, type TestOffice } from '../helpers/office';

const REF1 = '180454016900001';
const ZERO_PIECES = { '1000': 0, '500': 0, '100': 0, '50': 0, '20': 0, '10': 0, '5': 0, '2': 0, '1': 0, '0.50': 0, '0.25': 0 };
const REQUEST = { payerName: 'นายทดสอบ ระบบ', revenueCode: '804001', amountSatang: 150_000 };

/** For every contract entry, bad inputs with the specific message each must produce. */
const BAD_INPUTS: { readonly [K in RequestName]: readonly (readonly [unknown, RegExp])[] } = {
  'app.info': [
    [{ extra: 1 }, /input: Unrecognized key: "extra"/],
    [null, /input: .*expected object/i],
  ],
  'setup.init': [
    [{ ...SETUP_INPUT, office: { ...SETUP_INPUT.office, place: '54A1' } }, /office\.place: place code must be 4 digits/],
    [{ ...SETUP_INPUT, terminalSlot: 10 }, /terminalSlot: slot is 1–9/],
    [{ ...SETUP_INPUT, terminalSlot: 1.5 }, /terminalSlot: slot must be a whole number/],
    [{ ...SETUP_INPUT, office: { ...SETUP_INPUT.office, billerId: '12345' } }, /office\.billerId: biller id must be 15 digits/],
    [{ ...SETUP_INPUT, office: { ...SETUP_INPUT.office, costCentre: '54001' } }, /office\.costCentre: cost centre must be 10 digits/],
    [{ ...SETUP_INPUT, office: { ...SETUP_INPUT.office, nameTh: '   ' } }, /office\.nameTh: office name is required/],
    [{ ...SETUP_INPUT, office: { ...SETUP_INPUT.office, nameTh: 'อำเภอ\u0007' } }, /office\.nameTh: office name contains control characters/],
    [{ ...SETUP_INPUT, admin: { ...SETUP_INPUT.admin, password: 'short1' } }, /admin\.password: password must have at least 8 characters/],
    [{ ...SETUP_INPUT, admin: { ...SETUP_INPUT.admin, username: 'Admin!' } }, /admin\.username: username: 3–32 characters/],
    [{ ...SETUP_INPUT, isTraining: 'no' }, /isTraining: .*expected boolean/i],
  ],
  'office.setDocumentDigits': [
    [{ digits: 'roman' }, /digits: Invalid option/i],
    [{}, /digits: Invalid option/i],
  ],
  'office.setKind': [
    [{ kind: 'regional' }, /kind: Invalid option/i],
    [{}, /kind: Invalid option/i],
  ],
  'office.kind': [[{ kind: 'district' }, /input: Unrecognized key: "kind"/]],
  'office.update': [
    [{}, /name at least one setting to change/],
    [{ billerId: '12345' }, /billerId: biller id must be 15 digits/],
    [{ costCentre: '54001' }, /costCentre: cost centre must be 10 digits/],
    [{ place: '5402' }, /Unrecognized key: "place"/],
  ],
  'session.login': [
    [{ username: '', password: 'x' }, /username: username is required/],
    [{ username: 'admin' }, /password: .*expected string/i],
    [{ username: 'admin', password: 'x', remember: true }, /Unrecognized key: "remember"/],
  ],
  'session.logout': [[{ everywhere: true }, /Unrecognized key: "everywhere"/]],
  'session.current': [[[], /input: .*expected object/i]],
  'user.list': [
    [{}, /includeDisabled: .*expected boolean/i],
    [{ includeDisabled: 1 }, /includeDisabled: .*expected boolean/i],
  ],
  'user.add': [
    [{ username: 'clerk1', fullNameTh: 'นาย ก', positionTh: 'เจ้าพนักงาน', role: 'king', password: 'Counter2569' }, /role: Invalid option/i],
    [{ username: 'c', fullNameTh: 'นาย ก', positionTh: 'เจ้าพนักงาน', role: 'operator', password: 'Counter2569' }, /username: username: 3–32/],
    [{ username: 'clerk1', fullNameTh: '', positionTh: 'เจ้าพนักงาน', role: 'operator', password: 'Counter2569' }, /fullNameTh: full name is required/],
    [{ username: 'clerk1', fullNameTh: 'นาย ก', positionTh: 'เจ้าพนักงาน', role: 'operator', password: 'x'.repeat(129) }, /password: password is longer than 128/],
  ],
  'user.disable': [
    [{ username: 'operator', reason: '' }, /reason: reason is required/],
    [{ username: 'operator' }, /reason: .*expected string/i],
  ],
  'request.create': [
    [{ ...REQUEST, amountSatang: 100.5 }, /amountSatang: amountSatang must be a whole number of satang/],
    [{ ...REQUEST, amountSatang: '150000' }, /amountSatang: .*expected number/i],
    [{ ...REQUEST, amountSatang: 0 }, /amountSatang: amountSatang must be at least 1 satang/],
    [{ ...REQUEST, amountSatang: 1_000_000_000_000 }, /amountSatang: amountSatang must not exceed 9999999999/],
    [{ ...REQUEST, revenueCode: '80401' }, /revenueCode: revenueCode must be 6 digits/],
    [{ ...REQUEST, payerId: '1-1017-00230-70-8' }, /payerId: payerId must be 13 digits/],
    [{ ...REQUEST, payerName: '' }, /payerName: payer name is required/],
    [{ ...REQUEST, dueDate: '25/12/2569' }, /dueDate: date must be YYYY-MM-DD/],
    [{ ...REQUEST, instalmentNo: 0 }, /instalmentNo: instalmentNo is 1–99/],
    [{ ...REQUEST, amount: 1 }, /Unrecognized key: "amount"/],
  ],
  'request.cancel': [
    [{ ref1: '12345', reasonCode: 'other', reasonText: 'ผิด' }, /ref1: ref1 must be 15 digits/],
    [{ ref1: REF1, reasonCode: 'because', reasonText: 'ผิด' }, /reasonCode: Invalid option/i],
    [{ ref1: REF1, reasonCode: 'other', reasonText: '' }, /reasonText: reason is required/],
    [{ ref1: REF1, reasonCode: 'other', reasonText: 'ผิด', approval: { method: 'offline-code', supervisorUsername: 'supervisor', code: '1234' } }, /approval\.code: approval code must be 8 digits/],
  ],
  'bill.show': [[{ ref1: 'ABC' }, /ref1: ref1 must be 15 digits/]],
  'payment.recordEvidence': [
    [{ ref1: REF1, bankCode: '6', paidAtMs: 0, bankReference: 'X1', amountSatang: 100 }, /bankCode: bankCode must be the 3-digit bank code/],
    [{ ref1: REF1, bankCode: '006', paidAtMs: -1, bankReference: 'X1', amountSatang: 100 }, /paidAtMs: paidAtMs is before 1970/],
    [{ ref1: REF1, bankCode: '006', paidAtMs: 0, bankReference: 'X 1', amountSatang: 100 }, /bankReference: bankReference: 1–40 letters/],
  ],
  'receipt.issue': [
    [{ ref1: REF1, payment: { method: 'gold' } }, /payment\.method: Invalid discriminator value. Expected 'cash' \| 'cheque'/],
    [{ ref1: REF1, payment: { method: 'cheque' } }, /payment\.detail: .*expected object/i],
    [{ ref1: REF1, payment: { method: 'cheque', detail: { bankName: 'กรุงไทย', instrumentNo: '12 34', instrumentDate: '2026-11-23' } } }, /payment\.detail\.instrumentNo: instrument number/],
  ],
  'receipt.issueWithRequest': [
    [{ request: REQUEST, payment: { method: 'bill-payment' } }, /payment\.method: Invalid discriminator value. Expected 'cash' \| 'cheque' \| 'draft' \| 'cashier-cheque'/],
    [{ request: { ...REQUEST, amountSatang: 1.5 }, payment: { method: 'cash' } }, /request\.amountSatang: amountSatang must be a whole number of satang/],
    [{ payment: { method: 'cash' } }, /request: .*expected object/i],
  ],
  'receipt.markPrinted': [[{ book: 'e70-5401-1', number: 1 }, /book: book must be letters, digits and dashes/]],
  'receipt.reprint': [
    [{ book: 'E70-5401-1', number: 0, reasonCode: 'other', reasonText: 'กระดาษติด' }, /number: receipt number starts at 1/],
    [{ book: 'E70-5401-1', number: 1, reasonCode: 'wrong-amount', reasonText: 'กระดาษติด' }, /reasonCode: Invalid option/i],
  ],
  'receipt.cancel': [
    [{ book: 'E70-5401-1', number: 1.5, reasonCode: 'other', reasonText: 'ผิด' }, /number: receipt number must be a whole number/],
    [{ book: 'E70-5401-1', number: 1, reasonCode: 'printer-fault', reasonText: 'ผิด' }, /reasonCode: Invalid option/i],
    [{ book: 'E70-5401-1', number: 1, reasonCode: 'other', reasonText: 'ผิด', approval: { method: 'central', requestId: 'abc' } }, /approval\.requestId: requestId must be the 26-character id/],
  ],
  'receipt.get': [[{ book: 'E70-5401-1' }, /number: .*expected number/i]],
  'clock.acknowledge': [[{ reasonText: '\u0000' }, /reasonText: reason contains control characters/]],
  'terminal.rebind': [[{ terminalSlot: 0, reasonText: 'ย้ายเครื่อง' }, /terminalSlot: slot is 1–9/]],
  'ledger.verify': [[{ full: true }, /Unrecognized key: "full"/]],
  'bank.import': [
    [{ contentBase64: 'SGVsbG8=', format: 'excel' }, /format: Invalid option/i],
    [{ contentBase64: 'not base64!', format: 'auto' }, /contentBase64: not base64/],
    [{ contentBase64: 'SGVsbG8', format: 'auto' }, /contentBase64: base64 length must be a multiple of 4/],
    [{ contentBase64: '', format: 'ktb256' }, /contentBase64: the file is empty/],
  ],
  'bank.files': [[{ all: true }, /Unrecognized key: "all"/]],
  'bank.exceptions': [
    [{}, /openOnly: .*expected boolean/i],
    [{ openOnly: true, fileId: 'a b' }, /fileId: id: 1–40 letters/],
  ],
  'bank.resolveException': [
    [{ exceptionId: 'x1', action: 'delete', note: 'ผิด' }, /action: Invalid option/i],
    [{ exceptionId: 'x1', action: 'match-by-hand', ref1: '123', note: 'ผิด' }, /ref1: ref1 must be 15 digits/],
    [{ exceptionId: 'x1', action: 'note', note: '' }, /note: note is required/],
  ],
  'print.receiptOriginal': [
    [{ book: 'E70-5401-1', number: 0 }, /number: receipt number starts at 1/],
    [{ book: 'E70/5401', number: 1 }, /book: book must be letters, digits and dashes/],
  ],
  'print.reprintCopy': [
    [{ book: 'E70-5401-1', number: 1, copyNo: 0 }, /copyNo: copyNo starts at 1/],
    [{ book: 'E70-5401-1', number: 1 }, /copyNo: .*expected number/i],
  ],
  'print.billSlip': [[{ ref1: '1234' }, /ref1: ref1 must be 15 digits/]],
  'print.requestForm': [[{ ref1: REF1, copies: 2 }, /Unrecognized key: "copies"/]],
  'print.retry': [[{ jobId: 'job-1' }, /jobId: jobId must be a print job id/]],
  'print.confirm': [[{}, /jobId: .*expected string/i]],
  'print.reportFailed': [[{ jobId: '01JD0000000000000000000000', reasonText: '' }, /reasonText: reason is required/]],
  'print.jobs': [[{ state: 'failed' }, /Unrecognized key: "state"/]],
  'print.settings.get': [[null, /input: .*expected object/i]],
  'print.settings.set': [
    [{ documentKind: 'receipt', adapter: 'fax', deviceName: null, paper: 'A4' }, /adapter: Invalid option/i],
    [{ documentKind: 'receipt', adapter: 'lp', deviceName: '', paper: 'A4' }, /deviceName: deviceName is empty/],
    [{ documentKind: 'receipt', adapter: 'lp', deviceName: 'HP\u0007', paper: 'A4' }, /deviceName: deviceName contains control characters/],
    [{ documentKind: 'receipt', adapter: 'lp', deviceName: null, paper: 'Letter' }, /paper: Invalid option/i],
  ],
  'print.printers': [[{ refresh: true }, /Unrecognized key: "refresh"/]],
  'print.testPage': [[{ documentKind: 'report' }, /documentKind: Invalid option/i]],
  'book.register': [
    [{ bookNo: 'P70-001', firstLeaf: 1, lastLeaf: 50, fiscalYearBe: 2026 }, /fiscalYearBe: fiscalYearBe is a B.E. year/],
    [{ bookNo: 'E70-5401-1', firstLeaf: 1, lastLeaf: 50, fiscalYearBe: 2570 }, /bookNo: bookNo E\{yy\}-\{place\}-\{slot\} is the form of electronic books/],
    [{ bookNo: 'p70 001', firstLeaf: 1, lastLeaf: 50, fiscalYearBe: 2570 }, /bookNo: bookNo must be capital letters/],
    [{ bookNo: 'P70-001', firstLeaf: 0, lastLeaf: 50, fiscalYearBe: 2570 }, /firstLeaf: leaf starts at 1/],
  ],
  'book.assign': [[{ bookNo: 'P70-001', holder: { kind: 'shelf' } }, /holder\.kind: Invalid discriminator/i]],
  'book.list': [[{ all: true }, /Unrecognized key: "all"/]],
  'book.leaves': [[{}, /bookNo: .*expected string/i]],
  'book.markLeaf': [
    [{ bookNo: 'P70-001', leaf: 3, kind: 'lost', reasonText: 'หาย' }, /kind: Invalid option/i],
    [{ bookNo: 'P70-001', leaf: 3, kind: 'spoiled', reasonText: '' }, /reasonText: reason is required/],
  ],
  'book.close': [[{ bookNo: '' }, /bookNo: bookNo must be capital letters/]],
  'book.centralList': [[{ terminalSlot: 1 }, /Unrecognized key: "terminalSlot"/]],
  'book.registerFromCentral': [
    [{ bookNo: 'E70-5401-1' }, /bookNo: bookNo E\{yy\}-\{place\}-\{slot\} is the form of electronic books/],
    [{ bookNo: 'P70-001', firstLeaf: 1 }, /Unrecognized key: "firstLeaf"/],
  ],
  'paperReceipt.key': [
    [
      { outageId: 'o1', bookNo: 'P70-001', leaf: 1, paperDate: '2026-11-23', payerName: 'นาย ก', revenueCode: '804001', amountSatang: 1500.5, payment: { method: 'cash' } },
      /amountSatang: amountSatang must be a whole number of satang/,
    ],
    [
      { outageId: 'o1', bookNo: 'P70-001', leaf: 1, paperDate: '2026-11-23', payerName: 'นาย ก', revenueCode: '804001', amountSatang: '1500.00', payment: { method: 'cash' } },
      /amountSatang: .*expected number/i,
    ],
    [
      { bookNo: 'P70-001', leaf: 1, paperDate: '2026-11-23', payerName: 'นาย ก', revenueCode: '804001', amountSatang: 150_000, payment: { method: 'cash' } },
      /outageId: give exactly one of outageId/,
    ],
    [
      { outageId: 'o1', bookNo: 'P70-001', leaf: 1, paperDate: '23/11/2569', payerName: 'นาย ก', revenueCode: '804001', amountSatang: 150_000, payment: { method: 'cash' } },
      /paperDate: date must be YYYY-MM-DD/,
    ],
  ],
  'paperLeaves.record': [[{ outageId: 'o1', ranges: [] }, /ranges: ranges: at least one/]],
  'outage.start': [
    [{ cause: '' }, /cause: cause is required/],
    [{ cause: 'ไฟดับ', startedAtMs: 1.5 }, /startedAtMs: time must be whole milliseconds/],
  ],
  'outage.end': [[{ outageId: 'o1' }, /writtenLeaves: .*expected array/i]],
  'outage.list': [[{ open: true }, /Unrecognized key: "open"/]],
  'outage.report': [[{ businessDate: '2026/11/23' }, /businessDate: date must be YYYY-MM-DD/]],
  'field.order': [
    [{ orderNo: '12/2569', officerUsername: 'operator', placeText: 'ตำบลป่าแดง', fromDate: '2026-11-23', toDate: '2026-11-24', leaves: [] }, /leaves: leaves: the order names the leaves taken/],
  ],
  'field.handover': [
    [{ orderId: 'f1', countedSatang: -1 }, /countedSatang: countedSatang must not be negative/],
    [{ orderId: 'f1', countedSatang: 10.5 }, /countedSatang: countedSatang must be a whole number of satang/],
  ],
  'field.list': [[{ mine: true }, /Unrecognized key: "mine"/]],
  'field.overdue': [[{ asOfDate: 'today' }, /asOfDate: date must be YYYY-MM-DD/]],
  'report.table': [
    [{ name: 'everything', date: '2026-11-23' }, /name: Invalid option/i],
    [{ name: 'fines', date: '23/11/2569' }, /date: date must be YYYY-MM-DD/],
    [{ name: 'fines', date: '2026-02-30' }, /date: date is not a calendar date/],
  ],
  'report.render': [
    [{ name: 'fines', date: '2026-11-23', format: 'docx' }, /format: Invalid option/i],
    [{ name: 'fines', date: '2026-11-23', to: '2026-13-01', format: 'pdf' }, /to: date/],
  ],
  'report.bankImport': [[{ fileId: 'a b', format: 'pdf' }, /fileId: id: 1–40 letters/]],
  'remittance.rates': [[{ code: '804001' }, /Unrecognized key: "code"/]],
  'remittance.setRate': [
    [{ revenueCode: '804001', rewardBasisPoints: 10_001, costBasisPoints: 0 }, /rewardBasisPoints: rewardBasisPoints is at most 10000/],
    [{ revenueCode: '804001', rewardBasisPoints: 1.5, costBasisPoints: 0 }, /rewardBasisPoints: rewardBasisPoints must be a whole number/],
    [{ revenueCode: '8040', rewardBasisPoints: 0, costBasisPoints: -1 }, /revenueCode: revenueCode must be 6 digits/],
  ],
  'remittance.record': [
    [{ businessDate: '2026-11-23', scope: 'gold', bankReference: 'KTB1', remittedAtMs: 0 }, /scope: Invalid option/i],
    [{ businessDate: '2026-11-23', scope: 'cash', bankReference: 'KTB 1', remittedAtMs: 0 }, /bankReference: bankReference: 1–40/],
  ],
  'remittance.overdue': [[{ all: true }, /Unrecognized key: "all"/]],
  'remittance.day': [
    [{ businessDate: '2026-02-30' }, /businessDate: date is not a calendar date/],
    [{}, /businessDate: .*expected string/i],
  ],
  'close.status': [[{ businessDate: '2026-11-31' }, /businessDate: date is not a calendar date/]],
  'close.day': [
    [{ businessDate: '2026-11-23', pieces: { '1000': 1 } }, /pieces\.500: .*expected number/i],
    [{ businessDate: '2026-11-23', pieces: { ...ZERO_PIECES, '1000': -1 } }, /pieces\.1000: pieces must not be negative/],
    [{ businessDate: '2026-11-23', pieces: { ...ZERO_PIECES, '3': 1 } }, /Unrecognized key: "3"/],
    [{ businessDate: '2026-11-23', pieces: { ...ZERO_PIECES, '0.25': 0.5 } }, /pieces\.0\.25: pieces must be a whole number/],
  ],
  'close.shift': [
    [{ businessDate: '2026-11-23', pieces: { ...ZERO_PIECES, '20': 100_001 } }, /pieces\.20: pieces must not exceed 100000/],
    [{ businessDate: '2026-11-23', pieces: ZERO_PIECES, varianceReason: 'x'.repeat(501) }, /varianceReason: variance reason is longer than 500/],
  ],
  'close.shiftStatus': [
    [{ businessDate: '2026-13-01' }, /businessDate: date is not a calendar date/],
    [{ businessDate: '2026-12-02', userId: 'finance' }, /Unrecognized key: "userId"/],
  ],
  'day.summary': [[{ date: '2026-12-02' }, /Unrecognized key: "date"/]],
  'bill.paidList': [[{ limit: 10 }, /Unrecognized key: "limit"/]],
  'record.search': [
    [{}, /search: give at least one of ref1/],
    [{ number: 3 }, /number: a receipt number needs its book/],
    [{ name: 'สม%' }, /name: name contains control characters or the wildcards/],
    [{ ref2: '12' }, /ref2: ref2 must be 15 digits/],
  ],
  'receipt.history': [[{ book: 'E70-5401-1', number: -1 }, /number: receipt number starts at 1/]],
  'approval.askCentral': [
    [{ action: 'receipt.reprint', book: 'E70-5401-1', number: 1, reasonCode: 'wrong-amount', reasonText: 'สำเนา' }, /reasonCode: Invalid option/i],
    [{ action: 'request.cancel', ref1: '12', reasonCode: 'other', reasonText: 'ผิด' }, /ref1: ref1 must be 15 digits/],
    [{ action: 'receipt.void', book: 'E70-5401-1', number: 1, reasonCode: 'other', reasonText: 'ผิด' }, /action: Invalid/i],
  ],
  'approval.centralList': [[{ status: 'pending' }, /Unrecognized key: "status"/]],
  // home, settings and the audit log (issue 7)
  'sync.status': [[{ verbose: true }, /Unrecognized key: "verbose"/]],
  'approval.pending': [[{ all: true }, /Unrecognized key: "all"/]],
  'catalog.list': [[{ code: '804001' }, /Unrecognized key: "code"/]],
  'backup.status': [[{ dir: '/tmp' }, /Unrecognized key: "dir"/]],
  'backup.run': [[{ to: '/tmp' }, /Unrecognized key: "to"/]],
  'backup.setFolder': [
    [{ dir: '' }, /dir: /],
    [{ dir: '/media/usb\u0000x' }, /dir: dir contains control characters/],
  ],
  'audit.log': [
    [{ limit: 101 }, /limit: /],
    [{ fromDate: '2026-02-30' }, /fromDate: not a real calendar date/],
    [{ fromDate: '2026-11-24', toDate: '2026-11-23' }, /toDate: must not be before fromDate/],
    [{ action: 'receipt%' }, /action: letters and dots only/],
    [{ username: 'a_b' }, /username: username contains control characters or the wildcards/],
  ],
};

let office: TestOffice;
beforeEach(async () => {
  office = await makeSetUpOffice();
});
afterEach(() => office.close());

function allowedUser(name: RequestName): string | null {
  const access = requestMap[name].access;
  if (access === 'public') return null;
  return (access as readonly string[]).includes('admin') ? 'admin' : (access[0] ?? null);
}

describe('every contract entry refuses bad input with BAD_INPUT and a specific message, changing nothing', () => {
  const cases = REQUEST_NAMES.flatMap((name) => BAD_INPUTS[name].map(([input, message], i) => [name, i, input, message] as const));
  it.each(cases)('%s #%i', async (name, _i, input, message) => {
    const who = client(`bad-input-${name}`);
    const user = allowedUser(name);
    if (user !== null) await loginAs(office, who, user);
    const before = snapshotBusinessTables(office);
    const reply = await office.host.call(who, name, input);
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!reply.ok) expect(reply.error.message).toMatch(message);
    expect(snapshotBusinessTables(office)).toBe(before);
    const audit = office.host.services.database.sqlite.prepare(`SELECT outcome, code FROM audit_log WHERE action = ? ORDER BY at_ms DESC, rowid DESC LIMIT 1`).get(name);
    expect(audit).toEqual({ outcome: 'refused', code: 'BAD_INPUT' });
  });

  it('covers every request in the contract', () => {
    for (const name of REQUEST_NAMES) expect(BAD_INPUTS[name].length).toBeGreaterThan(0);
  });
});

describe('limits and names', () => {
  it('refuses an input over the size limit with TOO_LARGE before parsing it', async () => {
    const before = snapshotBusinessTables(office);
    const reply = await office.host.call(client('big'), 'session.login', { username: 'admin', password: 'x'.repeat(20_000) });
    expect(reply).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(snapshotBusinessTables(office)).toBe(before);
  });

  it('refuses an unknown request name with UNKNOWN_REQUEST and audits it', async () => {
    const reply = await office.host.call(client('x'), 'ledger.deleteEverything', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } });
    const audit = office.host.services.database.sqlite.prepare(`SELECT outcome, code FROM audit_log WHERE action = 'ledger.deleteEverything'`).get();
    expect(audit).toEqual({ outcome: 'refused', code: 'UNKNOWN_REQUEST' });
  });

  it('refuses input that is not plain JSON data', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const reply = await office.host.call(client('cyclic'), 'app.info', cyclic);
    expect(reply).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'input: not plain JSON data' } });
  });
});
