/**
 * UUID version 7 (RFC 9562): 48-bit Unix ms timestamp + version + 74 random bits.
 * Made before a row is stored and used for sync (design.md); time-ordered, so indexes stay compact.
 * Pure: the caller gives the time and 10 random bytes (crypto lives outside src-shared).
 */
export function uuidv7(nowMs: number, random10: Uint8Array): string {
  if (!Number.isSafeInteger(nowMs) || nowMs < 0) throw new RangeError('uuidv7: nowMs must be a non-negative integer');
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
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
