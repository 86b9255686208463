/**
 * TEST-ONLY: reads Thai amount words back to integer satang, so tests can prove that `bahtText`
 * round-trips (issue 4). Accepts both เอ็ด readings. Throws on anything it does not understand;
 * production code never parses amount words.
 */
const TOKENS: ReadonlyArray<readonly [string, number | string]> = [
  ['ศูนย์', 0], ['หนึ่ง', 1], ['เอ็ด', 1], ['สอง', 2], ['ยี่', 2], ['สาม', 3], ['สี่', 4], ['ห้า', 5],
  ['หก', 6], ['เจ็ด', 7], ['แปด', 8], ['เก้า', 9],
  ['สิบ', 'x10'], ['ร้อย', 'x100'], ['พัน', 'x1000'], ['หมื่น', 'x10000'], ['แสน', 'x100000'], ['ล้าน', 'million'],
  ['บาท', 'baht'], ['ถ้วน', 'exact'], ['สตางค์', 'satang'], ['ลบ', 'minus'],
];

function tokenize(words: string): Array<number | string> {
  const tokens: Array<number | string> = [];
  let rest = words;
  while (rest !== '') {
    const match = TOKENS.find(([text]) => rest.startsWith(text));
    if (match === undefined) throw new Error(`parseBahtText: cannot read ${JSON.stringify(rest)}`);
    tokens.push(match[1]);
    rest = rest.slice(match[0].length);
  }
  return tokens;
}

/** Integer value of number words: digits, position words and ล้าน (which scales all read so far). */
function readInteger(tokens: ReadonlyArray<number | string>): number {
  let total = 0;
  let group = 0;
  let pending: number | null = null;
  for (const token of tokens) {
    if (typeof token === 'number') {
      if (pending !== null) throw new Error('parseBahtText: two digits in a row');
      pending = token;
    } else if (token === 'million') {
      total = (total + group + (pending ?? 0)) * 1_000_000;
      group = 0;
      pending = null;
    } else {
      const multiplier = Number(token.slice(1));
      if (pending === null && multiplier !== 10) throw new Error(`parseBahtText: ${token} without a digit`);
      group += (pending ?? 1) * multiplier;
      pending = null;
    }
  }
  return total + group + (pending ?? 0);
}

export function parseBahtText(words: string): number {
  const tokens = tokenize(words);
  const sign = tokens[0] === 'minus' ? -1 : 1;
  const body = sign === -1 ? tokens.slice(1) : tokens;
  const bahtAt = body.indexOf('baht');
  const satangAt = body.indexOf('satang');
  const baht = bahtAt >= 0 ? readInteger(body.slice(0, bahtAt)) : 0;
  if (bahtAt >= 0 && bahtAt === body.length - 2 && body[bahtAt + 1] === 'exact') return sign * baht * 100;
  if (satangAt !== body.length - 1 || satangAt <= bahtAt + 1) throw new Error('parseBahtText: expected …บาทถ้วน or …สตางค์');
  const satang = readInteger(body.slice(bahtAt + 1, satangAt));
  if (satang < 1 || satang > 99) throw new Error(`parseBahtText: ${satang} satang is out of range`);
  return sign * (baht * 100 + satang);
}
