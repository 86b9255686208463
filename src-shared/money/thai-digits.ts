/**
 * Thai digits ๐–๙ (U+0E50–U+0E59) ⇄ ASCII digits. Documents print Arabic digits by default with a
 * Thai-digit option per office (design.md "Documents"); users may type either.
 */
const THAI_ZERO = 0x0e50;
const ASCII_ZERO = 0x30;

/** Replaces every Thai digit with its ASCII digit; other characters are kept. */
export function thaiDigitsToAscii(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    out += code >= THAI_ZERO && code <= THAI_ZERO + 9 ? String.fromCharCode(code - THAI_ZERO + ASCII_ZERO) : char;
  }
  return out;
}

/** Replaces every ASCII digit with its Thai digit; other characters are kept. */
export function asciiDigitsToThai(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    out += code >= ASCII_ZERO && code <= ASCII_ZERO + 9 ? String.fromCharCode(code - ASCII_ZERO + THAI_ZERO) : char;
  }
  return out;
}
