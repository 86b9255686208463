/**
 * Row ids: UUID version 7 (RFC 9562) — 48-bit Unix ms timestamp + version + 74 random bits — made
 * before a row is stored and used for sync (design.md). Written as 26 characters of Crockford's
 * base32 (the 128 bits, most significant first, as a ULID is written) rather than 36 characters of
 * hex and hyphens: an office stores about 17 ids per receipt, so this saves about 170 bytes per
 * receipt (docs/decisions/0003-compact-ledger.md). Fixed width and an alphabet in ASCII order keep
 * ids time-ordered as text, so indexes stay compact. `idToUuid` gives the standard form back.
 * Pure: the caller gives the time and 10 random bytes (crypto lives outside src-shared).
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ID_LENGTH = 26;
export const ID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

export function uuidv7(nowMs: number, random10: Uint8Array): string {
  if (!Number.isSafeInteger(nowMs) || nowMs < 0 || nowMs >= 2 ** 48) throw new RangeError('uuidv7: nowMs must be a non-negative 48-bit integer');
  if (random10.length !== 10) throw new RangeError('uuidv7: 10 random bytes are needed');
  const bytes = new Uint8Array(16);
  let time = nowMs;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes.set(random10, 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f); // version 7
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f); // variant 10
  return encodeId(bytes);
}

/**
 * 16 bytes → 26 Crockford base32 characters (2 leading zero bits pad 128 to 130). Character i is
 * the 5 bits from bit 5i − 2 of the 128 (most significant first), read from the two bytes that
 * hold them: plain integer arithmetic, not BigInt (this runs for every row id; the bank import
 * makes two per line). ids.test.ts checks it against the BigInt form.
 */
function encodeId(bytes: Uint8Array): string {
  let text = CROCKFORD[(bytes[0] ?? 0) >> 5] ?? '0';
  for (let i = 1; i < ID_LENGTH; i += 1) {
    const bit = 5 * i - 2;
    const at = bit >> 3;
    const word = ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
    text += CROCKFORD[(word >> (11 - (bit & 7))) & 31] ?? '0';
  }
  return text;
}

/** The standard 8-4-4-4-12 hex form of an id (for tools and systems that expect a UUID). */
export function idToUuid(id: string): string {
  if (!ID_PATTERN.test(id)) throw new RangeError(`idToUuid: ${id} is not a row id`);
  let value = 0n;
  for (const c of id) value = (value << 5n) | BigInt(CROCKFORD.indexOf(c));
  const hex = value.toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A UUID in its standard form (the renderer's per-tab client ids come from `crypto.randomUUID`). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
