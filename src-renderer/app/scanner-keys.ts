/**
 * A USB barcode / QR scanner is a keyboard: it "types" the code fast and ends with Enter (CR).
 * Characters are read from `KeyboardEvent.code`, the physical key on the US layout, never from what
 * the layout typed (with Kedmanee on, the digit row types Thai letters and "/" "-"), so a scan works
 * the same whichever layout is active (issue 7).
 */

/** Keys closer together than this belong to one scan; people type slower. */
export const SCAN_MAX_GAP_MS = 60;
/** The shortest thing worth reading as a scan: a bare Ref1 has 15 digits. */
export const SCAN_MIN_LENGTH = 15;

const SHIFTED_DIGITS = ')!@#$%^&*(';
const PUNCTUATION: Readonly<Record<string, readonly [string, string]>> = {
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  Period: ['.', '>'],
  Comma: [',', '<'],
  Slash: ['/', '?'],
  Backslash: ['\\', '|'],
  IntlBackslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backquote: ['`', '~'],
  Space: [' ', ' '],
  NumpadDecimal: ['.', '.'],
  NumpadSubtract: ['-', '-'],
  NumpadAdd: ['+', '+'],
  NumpadDivide: ['/', '/'],
  NumpadMultiply: ['*', '*'],
};

/** The character a key types on the US layout, or null for a key that types none (Shift, F1, arrows…). */
export function charOfCode(code: string, shift: boolean): string | null {
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(code);
  if (digit?.[1] !== undefined) return code.startsWith('Digit') && shift ? SHIFTED_DIGITS.charAt(Number(digit[1])) : digit[1];
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter?.[1] !== undefined) return shift ? letter[1] : letter[1].toLowerCase();
  const pair = PUNCTUATION[code];
  return pair === undefined ? null : pair[shift ? 1 : 0];
}

export function isEnterCode(code: string): boolean {
  return code === 'Enter' || code === 'NumpadEnter';
}

export interface ScanKey {
  readonly code: string;
  /** The typed character: used only when it is the same key's other Shift level (a Shift state the event did not report); otherwise the code decides. */
  readonly key?: string;
  readonly shiftKey: boolean;
  readonly atMs: number;
}

export type ScanStep = { readonly kind: 'typing'; readonly isBurst: boolean } | { readonly kind: 'scan'; readonly text: string } | { readonly kind: 'ignored' };

/**
 * Collects fast key presses. Enter after at least SCAN_MIN_LENGTH fast characters is a scan; the
 * scanner's CRs between barcode fields arrive as Enter too, so an Enter inside a burst is kept as CR
 * when the text so far is a barcode (starts with "|") and fewer than its three separators came.
 */
export class ScanBuffer {
  private text = '';
  private lastAtMs = Number.NEGATIVE_INFINITY;
  private separators = 0;

  push(key: ScanKey): ScanStep {
    const isFast = key.atMs - this.lastAtMs <= SCAN_MAX_GAP_MS;
    if (!isFast) this.reset();
    this.lastAtMs = key.atMs;
    if (isEnterCode(key.code)) {
      if (this.text.startsWith('|') && this.separators < 3 && isFast) {
        this.text += '\r';
        this.separators += 1;
        return { kind: 'typing', isBurst: true };
      }
      const text = this.text;
      this.reset();
      return isFast && text.length >= SCAN_MIN_LENGTH ? { kind: 'scan', text } : { kind: 'ignored' };
    }
    const char = key.key !== undefined && key.key === charOfCode(key.code, !key.shiftKey) ? key.key : charOfCode(key.code, key.shiftKey);
    if (char === null) return { kind: 'ignored' };
    this.text += char;
    return { kind: 'typing', isBurst: isFast && this.text.length > 1 };
  }

  reset(): void {
    this.text = '';
    this.separators = 0;
  }
}
