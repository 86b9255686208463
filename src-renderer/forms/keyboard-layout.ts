const THAI_LETTER = /[\u0E00-\u0E7F]/u;

/**
 * True when a field that takes Latin text (username, password) holds Thai letters: the keyboard is
 * most likely still in the Thai layout, the commonest cause of "wrong password" at a counter.
 */
export function looksTypedInThaiLayout(text: string): boolean {
  return THAI_LETTER.test(text);
}
