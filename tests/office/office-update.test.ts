import { afterEach, describe, expect, it } from 'vitest';
import { client, expectOk, loginAs, makeTestOffice, PASSWORD, SETUP_INPUT, type TestOffice } from '../helpers/office';
import { REQUEST, expectRefused, makeLedgerOffice, type LedgerOffice } from '../ledger/ledger-helpers';

let office: LedgerOffice | undefined;
let bare: TestOffice | undefined;
afterEach(() => {
  office?.close();
  bare?.close();
  office = undefined;
  bare = undefined;
});

const officeRow = (o: TestOffice): unknown => o.host.services.database.sqlite.prepare('SELECT * FROM office').get();

describe('office.update: the administrator fills in and corrects the office settings', () => {
  it('an office set up without cost centre and biller id makes no bills until they are filled in', async () => {
    bare = makeTestOffice();
    const admin = client('admin-window');
    const setup = { ...SETUP_INPUT, office: { ...SETUP_INPUT.office, costCentre: null, billerId: null } };
    await expectOk(bare.call(admin, 'setup.init', setup));
    await loginAs(bare, admin, 'admin');
    const operator = client('operator-window');
    await expectOk(bare.call(admin, 'user.add', { username: 'operator', fullNameTh: 'นางสาวรับเงิน ทดสอบ', positionTh: 'เจ้าพนักงานปกครอง', role: 'operator', password: PASSWORD }));
    await loginAs(bare, operator, 'operator');
    const refused = await bare.call(operator, 'request.create', REQUEST);
    expect(refused).toMatchObject({ ok: false, error: { code: 'OFFICE_INCOMPLETE' } });

    const updated = await expectOk(bare.call(admin, 'office.update', { costCentre: '5400100001', billerId: '099999999999990', companyCode: '80123' }));
    expect(updated).toMatchObject({ place: '5401', costCentre: '5400100001', billerId: '099999999999990', companyCode: '80123' });
    expect((await expectOk(bare.call(admin, 'app.info', {}))).office).toEqual(updated);
    const created = await expectOk(bare.call(operator, 'request.create', REQUEST));
    expect(created.ref2.startsWith('0015401')).toBe(true);
    const audit = bare.host.services.database.sqlite.prepare(`SELECT outcome, detail FROM audit_log WHERE action = 'office.update'`).all() as { outcome: string; detail: string }[];
    expect(audit).toEqual([expect.objectContaining({ outcome: 'ok', detail: expect.stringContaining('099999999999990') })]);
  });

  it('before the first bill a bill setting may be corrected; after it, changing one is refused and nothing changes', async () => {
    office = await makeLedgerOffice();
    await expectOk(office.call(office.admin, 'office.update', { billerId: '099999999999991' }));
    await office.as(office.operator, 'request.create', REQUEST);
    const before = officeRow(office);
    const message = await expectRefused(office, office.admin, 'office.update', { billerId: '099999999999990' }, 'OFFICE_SETTING_LOCKED');
    expect(message).toMatch(/billerId is 099999999999991 on the bills already made/);
    await expectRefused(office, office.admin, 'office.update', { costCentre: '5400100002', nameTh: 'ชื่อใหม่' }, 'OFFICE_SETTING_LOCKED');
    expect(officeRow(office)).toEqual(before);
    // A setting still empty may be filled in, and the office's name is not on any bill.
    const updated = await expectOk(office.call(office.admin, 'office.update', { companyCode: '80123', nameTh: 'ที่ทำการปกครองอำเภอเมืองแพร่ (ชั่วคราว)' }));
    expect(updated).toMatchObject({ companyCode: '80123', nameTh: 'ที่ทำการปกครองอำเภอเมืองแพร่ (ชั่วคราว)', billerId: '099999999999991' });
    // Setting the same value again is not a change.
    await expectOk(office.call(office.admin, 'office.update', { billerId: '099999999999991' }));
  });

  it('only the administrator changes office settings', async () => {
    office = await makeLedgerOffice();
    const before = officeRow(office);
    for (const who of [office.operator, office.supervisor, office.auditor]) {
      expect(await office.call(who, 'office.update', { companyCode: '80123' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(officeRow(office)).toEqual(before);
  });
});
