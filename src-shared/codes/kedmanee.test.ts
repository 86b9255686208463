import { describe, expect, it } from 'vitest';
import { hasThaiCharacters, kedmaneeKeyOf, kedmaneeToUs } from './kedmanee';

describe('Thai Kedmanee layout (Microsoft KBDTH0)', () => {
  it.each([
    ['ๅ', '1'],
    ['/', '2'],
    ['-', '3'],
    ['ภ', '4'],
    ['ถ', '5'],
    ['ุ', '6'],
    ['ึ', '7'],
    ['ค', '8'],
    ['ต', '9'],
    ['จ', '0'],
    ['ฅ', '|'],
    ['ฃ', '\\'],
    ['ใ', '.'],
    ['ฤ', 'A'],
    ['ฎ', 'E'],
    ['ธ', 'T'],
    ['็', 'H'],
    ['ฉ', 'C'],
    ['ฏ', 'D'],
    ['โ', 'F'],
    ['ฺ', 'B'],
    ['๑', '@'],
    ['๐', 'Q'],
    ['.', '"'],
  ])('%s is typed by the %s key', (thai, us) => {
    expect(kedmaneeKeyOf(thai)).toBe(us);
  });

  it('is one-to-one: 94 Kedmanee characters ↔ the 94 printable US key characters', () => {
    const thaiChars = [...'_ๅ/-ภถุึคตจขชๆไำพะัีรนยบลฃฟหกดเ้่าสวงผปแอิืทมใฝ%+๑๒๓๔ู฿๕๖๗๘๙๐"ฎฑธํ๊ณฯญฐ,ฅฤฆฏโฌ็๋ษศซ.()ฉฮฺ์?ฒฬฦ'];
    const usKeys = thaiChars.map((char) => kedmaneeKeyOf(char) ?? '');
    const printable = Array.from({ length: 0x7f - 0x21 }, (_, index) => String.fromCharCode(0x21 + index));
    expect(thaiChars).toHaveLength(94);
    expect([...usKeys].sort()).toEqual([...printable].sort());
    expect(kedmaneeKeyOf('a')).toBeUndefined();
  });

  it('undoes a whole string and keeps what the layout never produces', () => {
    expect(kedmaneeToUs('ฅจตตภจจจๅ\r12 ')).toBe('|09940001\r12 ');
    expect(kedmaneeToUs('abc')).toBe('abc');
  });

  it('detects Thai characters', () => {
    expect(hasThaiCharacters('ๅ/-')).toBe(true);
    expect(hasThaiCharacters('123/-')).toBe(false);
  });
});

describe('kedmaneeToUs with thaiCharactersOnly', () => {
  it('keeps ASCII characters that the layout could also produce', () => {
    expect(kedmaneeToUs('ฅ12-3/4', { thaiCharactersOnly: true })).toBe('|12-3/4');
    expect(kedmaneeToUs('ฅ12-3/4')).toBe('|123324');
  });
});
