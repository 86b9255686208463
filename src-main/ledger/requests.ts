import { loadRevenueCatalog, type RevenueCatalog, type RevenueItem } from '../../src-shared/catalog';
import { buildRef1, buildRef2, costCentreLast3, parseNationalId } from '../../src-shared/codes';
import { addDays, calendarYearBeOf, parseBusinessDate, twoDigitYear } from '../../src-shared/dates';
import { CodedError, unwrap } from '../../src-shared/result';
import { runLedgerAction, type LedgerDeps } from './action';
import { nextNumber } from './numbering';
import { prepared } from './statements';

/** When a request gives no due date: the business date plus this many days (docs/decisions/0001). */
export const DEFAULT_DUE_DAYS = 15;
/** Ref1's request type digit (docs/decisions/0001). */
export const REQUEST_TYPE = { fine: '1', fee: '2' } as const;

export interface NewRequest {
  readonly payerName: string;
  readonly payerId?: string | undefined;
  readonly revenueCode: string;
  readonly amountSatang: number;
  readonly dueDate?: string | undefined;
  readonly fineOrderNo?: string | undefined;
  readonly fineIssuingOfficer?: string | undefined;
  readonly instalmentNo?: number | undefined;
}

export interface CreatedRequest {
  readonly requestId: string;
  readonly billId: string;
  readonly requestNo: string;
  readonly ref1: string;
  readonly ref2: string;
  readonly payerName: string;
  readonly revenueCode: string;
  readonly amountSatang: number;
  readonly dueDate: string;
  readonly businessDate: string;
  readonly isManualFineEntry: boolean;
}

/** The catalog when central has sent none: the 14 fine laws, no fee types (the sources list none). */
export const DEFAULT_CATALOG: RevenueCatalog = unwrap(loadRevenueCatalog({ feeTypes: [] }));

/** 13-digit ids: juristic person ids start with 0, citizens' ids with 1–8; both use the mod-11 check. */
function payerIdKindOf(payerId: string): 'national-id' | 'company-id' {
  return payerId.startsWith('0') ? 'company-id' : 'national-id';
}

export function revenueItemOf(catalog: RevenueCatalog, revenueCode: string): RevenueItem {
  const item = catalog.find(revenueCode);
  if (item === undefined || (item.kind === 'fee' && !item.fee.active)) {
    throw new CodedError('REVENUE_CODE_UNKNOWN', `revenueCode: ${revenueCode} is not an active fine law or fee type of the catalog`);
  }
  return item;
}

/**
 * คำร้อง + its bill, in one ledger action. Ref1 = type + sub-type + place + calendar B.E. yy + slot +
 * counter (per terminal per calendar year); Ref2 from the payment-codes library; the request number
 * shares Ref1's running number, so both are unique by construction on every terminal, offline.
 */
export function createRequest(deps: LedgerDeps, catalog: RevenueCatalog, userId: string, input: NewRequest): CreatedRequest {
  const item = revenueItemOf(catalog, input.revenueCode);
  if (item.kind === 'fee' && (input.fineOrderNo !== undefined || input.fineIssuingOfficer !== undefined)) {
    throw new CodedError('BAD_INPUT', 'fineOrderNo / fineIssuingOfficer: only a fine request has a fine order');
  }
  if (input.payerId !== undefined) unwrap(parseNationalId(input.payerId));
  return runLedgerAction(deps, userId, 'request.created', (ctx) => {
    const { identity } = ctx;
    if (identity.costCentre === null || identity.billerId === null) {
      throw new CodedError('OFFICE_INCOMPLETE', 'The office has no cost centre or biller id yet; bills (Ref2, barcode) cannot be made');
    }
    const dueDate = input.dueDate === undefined ? addDays(ctx.businessDate, DEFAULT_DUE_DAYS) : unwrap(parseBusinessDate(input.dueDate));
    if (dueDate < ctx.businessDate) throw new CodedError('DUE_DATE_PAST', `dueDate ${dueDate} is before today's business date ${ctx.businessDate}`);
    const yearBe = calendarYearBeOf(ctx.businessDate);
    const counter = nextNumber(ctx.sqlite, `ref1:${yearBe}:${identity.terminalSlot}`, 99_999);
    const requestType = item.kind === 'fine' ? REQUEST_TYPE.fine : REQUEST_TYPE.fee;
    const requestSubtype = String(input.instalmentNo ?? 0).padStart(2, '0');
    const ref1 = unwrap(buildRef1({ requestType, requestSubtype, place: identity.place, yearBe, terminalSlot: identity.terminalSlot, counter }));
    const ref2 = unwrap(buildRef2({ costCentreLast3: unwrap(costCentreLast3(identity.costCentre)), place: identity.place, revenueCode: input.revenueCode }));
    const requestNo = `${identity.place}/${twoDigitYear(yearBe)}/${ref1.slice(9)}`;
    const isManualFineEntry = item.kind === 'fine' && input.fineOrderNo === undefined;
    const request = {
      id: ctx.newId(),
      requestNo,
      requestType,
      requestSubtype,
      payerName: input.payerName,
      payerIdKind: input.payerId === undefined ? null : payerIdKindOf(input.payerId),
      payerId: input.payerId ?? null,
      fineOrderNo: input.fineOrderNo ?? null,
      fineIssuingOfficer: input.fineIssuingOfficer ?? null,
      isManualFineEntry: isManualFineEntry ? 1 : 0,
      revenueCode: input.revenueCode,
      amountSatang: input.amountSatang,
      instalmentNo: input.instalmentNo ?? null,
      dueDate,
      businessDate: ctx.businessDate,
      createdAtMs: ctx.atMs,
      createdByUserId: userId,
      place: identity.place,
      terminalSlot: identity.terminalSlot,
      entrySeq: ctx.seq,
    };
    const bill = { id: ctx.newId(), requestId: request.id, ref1, ref2, dueDate, amountSatang: input.amountSatang, createdAtMs: ctx.atMs, entrySeq: ctx.seq };
    prepared(
      ctx.sqlite,
      `INSERT INTO payment_requests (id, request_no, request_type, request_subtype, payer_name, payer_id_kind, payer_id, fine_order_no,
         fine_issuing_officer, is_manual_fine_entry, revenue_code, amount_satang, instalment_no, due_date, business_date, created_at_ms,
         created_by_user_id, place, terminal_slot, entry_seq)
       VALUES (@id, @requestNo, @requestType, @requestSubtype, @payerName, @payerIdKind, @payerId, @fineOrderNo, @fineIssuingOfficer,
         @isManualFineEntry, @revenueCode, @amountSatang, @instalmentNo, @dueDate, @businessDate, @createdAtMs, @createdByUserId, @place,
         @terminalSlot, @entrySeq)`,
    ).run(request);
    prepared(
      ctx.sqlite,
      `INSERT INTO bills (id, request_id, ref1, ref2, due_date, amount_satang, created_at_ms, entry_seq)
       VALUES (@id, @requestId, @ref1, @ref2, @dueDate, @amountSatang, @createdAtMs, @entrySeq)`,
    ).run(bill);
    return {
      result: {
        requestId: request.id,
        billId: bill.id,
        requestNo,
        ref1,
        ref2,
        payerName: input.payerName,
        revenueCode: input.revenueCode,
        amountSatang: input.amountSatang,
        dueDate,
        businessDate: ctx.businessDate,
        isManualFineEntry,
      },
    };
  });
}
