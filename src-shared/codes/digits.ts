/** True when `text` is exactly `length` ASCII digits 0–9 (no Thai digits, no signs, no spaces). */
export function isAsciiDigits(text: string, length: number): boolean {
  if (text.length !== length) return false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}
