import type { ErrorCode, RequestInput } from '../../src-shared/contract';
import { parseNationalId } from '../../src-shared/codes/national-id';
import { allocate, parseAmount } from '../../src-shared/money';
import type { RevenueChoice, RevenueChoices } from './revenue-choices';

/** Most instalments a request may be split into (the contract allows instalment numbers 1–99). */
export const MAX_INSTALMENTS = 12;

/** What the operator has typed on the new-request screen: the draft kept across a reload. */
export interface RequestDraft {
  readonly payerName: string;
  /** `national-id`: a person's 13-digit ID; `fine-order`: a fine order number entered by hand. */
  readonly idKind: 'national-id' | 'fine-order';
  readonly payerId: string;
  readonly fineOrderNo: string;
  readonly fineIssuingOfficer: string;
  readonly revenueCode: string;
  readonly amountText: string;
  readonly instalments: number;
  /** One per instalment, YYYY-MM-DD or ''. */
  readonly dueDates: readonly string[];
}

export const EMPTY_DRAFT: RequestDraft = {
  payerName: '',
  idKind: 'national-id',
  payerId: '',
  fineOrderNo: '',
  fineIssuingOfficer: '',
  revenueCode: '',
  amountText: '',
  instalments: 1,
  dueDates: [''],
};

export type RequestField = 'payerName' | 'payerId' | 'fineOrderNo' | 'revenueCode' | 'amountText' | 'dueDates';
/** A field's problem: 'required', or the error code of the shared parser (its text is in the dictionaries). */
export type RequestProblem = 'required' | ErrorCode;
export type RequestErrors = Partial<Record<RequestField, RequestProblem>>;

export type RequestFormResult = { readonly ok: true; readonly value: readonly RequestInput<'request.create'>[] } | { readonly ok: false; readonly errors: RequestErrors };

/** The national ID as typed: null while it is empty or still being typed (fewer than 13 digits), else its problem or 'ok'. */
export function nationalIdAsTyped(text: string): RequestProblem | 'ok' | null {
  const digits = text.replaceAll('-', '').replaceAll(' ', '');
  if (digits === '' || (/^\d*$/.test(digits) && digits.length < 13)) return null;
  const parsed = parseNationalId(digits);
  return parsed.ok ? 'ok' : parsed.error.code;
}

/** Equal instalments that sum to the total exactly (largest remainder, src-shared/money allocate). */
export function instalmentAmounts(totalSatang: number, instalments: number): readonly number[] | null {
  const parts = allocate(totalSatang as never, Array.from({ length: instalments }, () => 1));
  return parts.ok ? parts.value : null;
}

/**
 * What the draft asks for once its revenue code is known: a fine may be entered by its fine order
 * (number + issuing officer) and split into instalments (form พินัย ๑๐); a fee is paid by the
 * person whose ID is given, in one request — main refuses a fine order on a fee (BAD_INPUT).
 */
export function draftNeeds(draft: RequestDraft, choice: RevenueChoice | undefined): { readonly isFineOrder: boolean; readonly instalments: number } {
  const isFee = choice?.kind === 'fee';
  return {
    isFineOrder: !isFee && draft.idKind === 'fine-order',
    instalments: isFee ? 1 : Math.min(Math.max(1, Math.trunc(draft.instalments)), MAX_INSTALMENTS),
  };
}

/**
 * Checks the draft with the same parsers main uses (national ID check digit, strict amount) against
 * the revenue codes the screen offers (`catalog.list`: the fine laws and active fee types) and
 * builds one request.create input per instalment, each with its due date. Nothing is sent here.
 */
export function checkRequestForm(draft: RequestDraft, choices: Pick<RevenueChoices, 'find'>): RequestFormResult {
  const errors: RequestErrors = {};
  const payerName = draft.payerName.trim();
  if (payerName === '') errors.payerName = 'required';
  const choice = draft.revenueCode === '' ? undefined : choices.find(draft.revenueCode);
  const { isFineOrder, instalments } = draftNeeds(draft, choice);

  let payerId: string | undefined;
  const idText = draft.payerId.replaceAll('-', '').replaceAll(' ', '');
  if (idText === '') {
    if (!isFineOrder) errors.payerId = 'required';
  } else {
    const parsed = parseNationalId(idText);
    if (parsed.ok) payerId = parsed.value;
    else errors.payerId = parsed.error.code;
  }
  const fineOrderNo = draft.fineOrderNo.trim();
  if (isFineOrder && fineOrderNo === '') errors.fineOrderNo = 'required';

  if (draft.revenueCode === '') errors.revenueCode = 'required';
  else if (choice === undefined) errors.revenueCode = 'REVENUE_CODE_UNKNOWN';

  const amount = parseAmount(draft.amountText, { allowZero: false });
  if (!amount.ok) errors.amountText = amount.error.code === 'MONEY_EMPTY' ? 'required' : amount.error.code;

  const dueDates = Array.from({ length: instalments }, (_, i) => draft.dueDates[i] ?? '');
  if (instalments > 1 && dueDates.some((date) => !/^\d{4}-\d{2}-\d{2}$/.test(date))) errors.dueDates = 'required';

  if (Object.keys(errors).length > 0 || !amount.ok) return { ok: false, errors };
  const amounts = instalmentAmounts(amount.value, instalments);
  if (amounts === null || amounts.some((part) => part < 1)) return { ok: false, errors: { amountText: 'MONEY_ZERO_NOT_ALLOWED' } };

  const officer = draft.fineIssuingOfficer.trim();
  const value = amounts.map((amountSatang, i): RequestInput<'request.create'> => {
    const dueDate = dueDates[i] ?? '';
    return {
      payerName,
      revenueCode: draft.revenueCode,
      amountSatang,
      ...(payerId === undefined ? {} : { payerId }),
      ...(dueDate === '' ? {} : { dueDate }),
      ...(isFineOrder ? { fineOrderNo, ...(officer === '' ? {} : { fineIssuingOfficer: officer }) } : {}),
      ...(instalments > 1 ? { instalmentNo: i + 1 } : {}),
    };
  });
  return { ok: true, value };
}

const DRAFT_KEY = 'ebill.draft.new-request';

/** The draft survives a reload or a crash (localStorage; a request draft holds no password). */
export function readDraft(storage: Pick<Storage, 'getItem'> | null): RequestDraft {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(DRAFT_KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return EMPTY_DRAFT;
    const text = (key: keyof RequestDraft): string => {
      const value = (raw as Record<string, unknown>)[key];
      return typeof value === 'string' ? value.slice(0, 300) : '';
    };
    const record = raw as Record<string, unknown>;
    const instalments = typeof record['instalments'] === 'number' && Number.isInteger(record['instalments']) ? Math.min(Math.max(1, record['instalments']), MAX_INSTALMENTS) : 1;
    const dueDates = Array.isArray(record['dueDates']) ? record['dueDates'].map((d) => (typeof d === 'string' ? d.slice(0, 10) : '')) : [];
    return {
      payerName: text('payerName'),
      idKind: record['idKind'] === 'fine-order' ? 'fine-order' : 'national-id',
      payerId: text('payerId'),
      fineOrderNo: text('fineOrderNo'),
      fineIssuingOfficer: text('fineIssuingOfficer'),
      revenueCode: text('revenueCode'),
      amountText: text('amountText'),
      instalments,
      dueDates: Array.from({ length: instalments }, (_, i) => dueDates[i] ?? ''),
    };
  } catch {
    return EMPTY_DRAFT;
  }
}

export function writeDraft(storage: Pick<Storage, 'setItem' | 'removeItem'> | null, draft: RequestDraft | null): void {
  try {
    if (draft === null) storage?.removeItem(DRAFT_KEY);
    else storage?.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // A full or blocked storage loses only the draft, never a record.
  }
}
