import { fail, ok, type Result } from '../result';
import type { PaymentErrorCode } from '../payment-errors';
import { isAsciiDigits } from './digits';

/**
 * A place code: 4 digits — a district registrar office code (province 2 + district 2, e.g. 5401
 * Mueang Phrae) or a central division's code (domain.md §3). The sources give no list of valid
 * codes and central divisions' codes follow no known pattern, so only the shape is checked here.
 */
export function parsePlaceCode(text: string, field = 'place code'): Result<string, PaymentErrorCode> {
  if (!isAsciiDigits(text, 4)) return fail('PLACE_CODE_MALFORMED', `${field}: must be 4 digits, got ${JSON.stringify(text.slice(0, 20))}`);
  if (text === '0000') return fail('PLACE_CODE_ZERO', `${field}: 0000 is not an office`);
  return ok(text);
}
