/**
 * What a US-layout keystroke produces when the Thai Kedmanee layout (TIS 820-2538) is active —
 * the case where a keyboard-wedge scanner "types" a barcode into a Thai-layout Windows session.
 *
 * Source: Microsoft's layout KBDTH0 "Thai Kedmanee" (msdn goglobal/keyboards/kbdth0.html), as
 * transcribed key by key in Mottie/Keyboard `layouts/ms-Thai.js`; the same table is in VS Code's
 * keyboard-layout data for layout 0000041E. Rows below are the 47 keys in US order, unshifted then
 * shifted. The digit row: 1 ๅ, 2 /, 3 -, 4 ภ, 5 ถ, 6 ุ, 7 ึ, 8 ค, 9 ต, 0 จ; Shift+\ (|) gives ฅ.
 */
const US_KEYS = [
  '`1234567890-=', 'qwertyuiop[]\\', "asdfghjkl;'", 'zxcvbnm,./',
  '~!@#$%^&*()_+', 'QWERTYUIOP{}|', 'ASDFGHJKL:"', 'ZXCVBNM<>?',
].join('');

const KEDMANEE = [
  '_ๅ/-ภถุึคตจขช', 'ๆไำพะัีรนยบลฃ', 'ฟหกดเ้่าสวง', 'ผปแอิืทมใฝ',
  '%+๑๒๓๔ู฿๕๖๗๘๙', '๐"ฎฑธํ๊ณฯญฐ,ฅ', 'ฤฆฏโฌ็๋ษศซ.', '()ฉฮฺ์?ฒฬฦ',
].join('');

/** Kedmanee character → the US-layout character of the same key (a one-to-one table). */
const KEDMANEE_TO_US: ReadonlyMap<string, string> = new Map([...KEDMANEE].map((char, index) => [char, US_KEYS.charAt(index)]));

/** The US-layout key character behind each Kedmanee character, for tests and diagnostics. */
export function kedmaneeKeyOf(char: string): string | undefined {
  return KEDMANEE_TO_US.get(char);
}

/**
 * Undoes the Thai layout: every character the Kedmanee layout can produce is replaced by the US
 * character of the same key ("ๅ/-" → "123", "ฅ" → "|"). Characters it never produces (ASCII
 * digits from a numeric keypad, CR, space) are kept. With `thaiCharactersOnly`, ASCII characters
 * are kept too ("-" stays "-"): for text that also holds keypad digits, where "-" or "/" cannot
 * have come from the digit row.
 */
export function kedmaneeToUs(text: string, options: { readonly thaiCharactersOnly?: boolean } = {}): string {
  let out = '';
  for (const char of text) {
    const keepAscii = options.thaiCharactersOnly === true && char.charCodeAt(0) < 0x80;
    out += keepAscii ? char : (KEDMANEE_TO_US.get(char) ?? char);
  }
  return out;
}

/** True when the text contains a Thai character, i.e. it was typed with a Thai layout active. */
export function hasThaiCharacters(text: string): boolean {
  return /[\u0E00-\u0E7F]/.test(text);
}
