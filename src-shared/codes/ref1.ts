import { fail, ok, type Result } from '../result';
import type { PaymentErrorCode } from '../payment-errors';
import { isAsciiDigits } from './digits';
import { parsePlaceCode } from './place-code';

/**
 * Ref1 (15 digits, no check digit) = request type (1) + sub-type (2) + place (4) + yy (2) + running (6),
 * running = terminal slot (1, 1–9) + counter (5, from 00001 each B.E. calendar year per terminal)
 * (seed 001 §1 "REF.1"; design.md "Identity and numbering"). yy = last two digits of the CALENDAR
 * B.E. year of the business date (the counter restarts on 1 January, not 1 October).
 */
export const REF1_LENGTH = 15;
export const MIN_TERMINAL_SLOT = 1;
export const MAX_TERMINAL_SLOT = 9;
export const MIN_REF1_COUNTER = 1;
export const MAX_REF1_COUNTER = 99_999;
/** B.E. years a new Ref1 may carry (2500 = 1957 CE … 2999 = 2456 CE). */
export const MIN_REF1_YEAR_BE = 2500;
export const MAX_REF1_YEAR_BE = 2999;

export interface Ref1Input {
  /** 1 digit. */
  readonly requestType: string;
  /** 2 digits. */
  readonly requestSubtype: string;
  /** 4-digit place code. */
  readonly place: string;
  /** The calendar B.E. year of the business date, e.g. 2569; only its last 2 digits are written. */
  readonly yearBe: number;
  readonly terminalSlot: number;
  readonly counter: number;
}

export interface Ref1Parts {
  readonly ref1: string;
  readonly requestType: string;
  readonly requestSubtype: string;
  readonly place: string;
  /** Last two digits of the B.E. year ("69"); the century is not in the code. */
  readonly yearBe2: string;
  readonly terminalSlot: number;
  readonly counter: number;
}

export function buildRef1(input: Ref1Input): Result<string, PaymentErrorCode> {
  if (!isAsciiDigits(input.requestType, 1)) return fail('REF1_BAD_REQUEST_TYPE', 'Ref1 request type: must be 1 digit');
  if (!isAsciiDigits(input.requestSubtype, 2)) return fail('REF1_BAD_SUBTYPE', 'Ref1 request sub-type: must be 2 digits');
  const place = parsePlaceCode(input.place, 'Ref1 place');
  if (!place.ok) return place;
  if (!Number.isInteger(input.yearBe) || input.yearBe < MIN_REF1_YEAR_BE || input.yearBe > MAX_REF1_YEAR_BE) {
    return fail('REF1_BAD_YEAR', `Ref1 year: ${String(input.yearBe)} is not a B.E. year between ${MIN_REF1_YEAR_BE} and ${MAX_REF1_YEAR_BE}`);
  }
  const slot = checkSlot(input.terminalSlot);
  if (!slot.ok) return slot;
  const counter = checkCounter(input.counter);
  if (!counter.ok) return counter;
  const yy = String(input.yearBe % 100).padStart(2, '0');
  return ok(`${input.requestType}${input.requestSubtype}${input.place}${yy}${input.terminalSlot}${String(input.counter).padStart(5, '0')}`);
}

export function parseRef1(text: string): Result<Ref1Parts, PaymentErrorCode> {
  if (!isAsciiDigits(text, REF1_LENGTH)) return fail('REF1_MALFORMED', `Ref1: must be ${REF1_LENGTH} digits, got ${JSON.stringify(text.slice(0, 20))}`);
  const place = parsePlaceCode(text.slice(3, 7), 'Ref1 place');
  if (!place.ok) return place;
  const slot = checkSlot(Number(text.charAt(9)));
  if (!slot.ok) return slot;
  const counter = checkCounter(Number(text.slice(10)));
  if (!counter.ok) return counter;
  return ok({
    ref1: text,
    requestType: text.charAt(0),
    requestSubtype: text.slice(1, 3),
    place: place.value,
    yearBe2: text.slice(7, 9),
    terminalSlot: slot.value,
    counter: counter.value,
  });
}

function checkSlot(slot: number): Result<number, PaymentErrorCode> {
  if (!Number.isInteger(slot) || slot < MIN_TERMINAL_SLOT || slot > MAX_TERMINAL_SLOT) {
    return fail('REF1_BAD_SLOT', `Ref1 terminal slot: ${String(slot)} is not ${MIN_TERMINAL_SLOT}–${MAX_TERMINAL_SLOT}`);
  }
  return ok(slot);
}

function checkCounter(counter: number): Result<number, PaymentErrorCode> {
  if (!Number.isInteger(counter) || counter < MIN_REF1_COUNTER || counter > MAX_REF1_COUNTER) {
    return fail('REF1_BAD_COUNTER', `Ref1 counter: ${String(counter)} is not ${MIN_REF1_COUNTER}–${MAX_REF1_COUNTER}`);
  }
  return ok(counter);
}
