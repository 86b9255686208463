import { fail, ok, type Result } from '../result';
import type { PaymentErrorCode } from '../payment-errors';
import { isAsciiDigits } from './digits';

/** Revenue code LABC (domain.md §2): L = 3-digit code for remitting to the Comptroller General, ABC = 3-digit sub-code. */
export interface RevenueCodeParts {
  readonly revenueCode: string;
  /** L: the revenue code used when remitting to the Comptroller General's Department. */
  readonly remitCode: string;
  /** ABC: the sub-code set by the responsible bureau. */
  readonly subCode: string;
}

export function parseRevenueCode(text: string, field = 'revenue code'): Result<RevenueCodeParts, PaymentErrorCode> {
  if (!isAsciiDigits(text, 6)) return fail('REVENUE_CODE_MALFORMED', `${field}: must be 6 digits (LLL + ABC), got ${JSON.stringify(text.slice(0, 20))}`);
  if (text.startsWith('000')) return fail('REVENUE_CODE_ZERO', `${field}: the remittance code LLL may not be 000`);
  return ok({ revenueCode: text, remitCode: text.slice(0, 3), subCode: text.slice(3) });
}
