import { describe, expect, it } from 'vitest';
import { charOfCode, ScanBuffer, SCAN_MAX_GAP_MS } from './scanner-keys';

/** The key codes a scanner sends for a text (US layout), one key every 5 ms. */
function keysOf(text: string, startMs = 1_000, gapMs = 5) {
  const codeOf = (char: string): { code: string; shiftKey: boolean } => {
    if (/\d/.test(char)) return { code: `Digit${char}`, shiftKey: false };
    if (/[A-Z]/.test(char)) return { code: `Key${char}`, shiftKey: true };
    if (char === '|') return { code: 'Backslash', shiftKey: true };
    if (char === '\r') return { code: 'Enter', shiftKey: false };
    if (char === '.') return { code: 'Period', shiftKey: false };
    throw new Error(`no key for ${char}`);
  };
  return [...text].map((char, i) => ({ ...codeOf(char), atMs: startMs + i * gapMs }));
}

function feed(buffer: ScanBuffer, keys: ReturnType<typeof keysOf>) {
  return keys.map((key) => buffer.push(key));
}

describe('scanner keys are read from KeyboardEvent.code', () => {
  it('maps digits, keypad digits, letters and the pipe whatever the layout typed', () => {
    expect(charOfCode('Digit1', false)).toBe('1');
    expect(charOfCode('Numpad7', false)).toBe('7');
    expect(charOfCode('KeyA', true)).toBe('A');
    expect(charOfCode('Backslash', true)).toBe('|');
    expect(charOfCode('ShiftLeft', false)).toBeNull();
  });
});

describe('a fast burst ending with Enter is a scan', () => {
  it('a bare Ref1 of 15 digits then CR', () => {
    const steps = feed(new ScanBuffer(), keysOf('100540169100001\r'));
    expect(steps.at(-1)).toEqual({ kind: 'scan', text: '100540169100001' });
  });

  it('a bank barcode keeps its three CR separators and ends on the final Enter', () => {
    const payload = '|099999999999990\r100540169100001\r540010000169123\r150000';
    const steps = feed(new ScanBuffer(), keysOf(`${payload}\r`));
    expect(steps.at(-1)).toEqual({ kind: 'scan', text: payload });
  });

  it('with the Thai layout on, the Thai characters are read from their codes', () => {
    const thai = 'ๅ/-ภถุึคตจ'; // what the digit row 1234567890 types in Kedmanee
    const keys = [...'100540169100001'].map((digit, i) => ({ code: `Digit${digit}`, key: thai.charAt((Number(digit) + 9) % 10), shiftKey: false, atMs: 1_000 + i * 5 }));
    const buffer = new ScanBuffer();
    for (const key of keys) buffer.push(key);
    expect(buffer.push({ code: 'Enter', key: 'Enter', shiftKey: false, atMs: 1_100 })).toEqual({ kind: 'scan', text: '100540169100001' });
  });

  it('a key typed as its own other Shift level is taken as typed (a "|" sent without a Shift state)', () => {
    const buffer = new ScanBuffer();
    expect(buffer.push({ code: 'Backslash', key: '|', shiftKey: false, atMs: 0 })).toEqual({ kind: 'typing', isBurst: false });
    for (const [i, digit] of [...'099999999999990'].entries()) buffer.push({ code: `Digit${digit}`, shiftKey: false, atMs: 5 + i * 5 });
    buffer.push({ code: 'Enter', shiftKey: false, atMs: 100 });
    expect(buffer.push({ code: 'Digit1', shiftKey: false, atMs: 105 })).toEqual({ kind: 'typing', isBurst: true });
  });

  it('a person typing slowly is not a scan', () => {
    const steps = feed(new ScanBuffer(), keysOf('100540169100001\r', 1_000, SCAN_MAX_GAP_MS + 40));
    expect(steps.at(-1)).toEqual({ kind: 'ignored' });
    expect(steps.some((step) => step.kind === 'typing' && step.isBurst)).toBe(false);
  });

  it('a short fast burst (Enter after a few keys) is not a scan', () => {
    expect(feed(new ScanBuffer(), keysOf('1234\r')).at(-1)).toEqual({ kind: 'ignored' });
  });
});
