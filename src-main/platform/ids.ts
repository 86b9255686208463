import { randomFillSync } from 'node:crypto';
import { uuidv7 } from '../../src-shared/ids';
import type { Clock } from './clock';

/** Random bytes drawn from the CSPRNG a block at a time: one system call per 100 ids, not per id. */
const POOL = Buffer.alloc(1000);
let poolOffset = POOL.length;

function random10(): Uint8Array {
  if (poolOffset + 10 > POOL.length) {
    randomFillSync(POOL);
    poolOffset = 0;
  }
  const bytes = POOL.subarray(poolOffset, poolOffset + 10);
  poolOffset += 10;
  return bytes;
}

export function newId(clock: Clock): string {
  // uuidv7 copies the bytes, so the pool's slice is not kept.
  return uuidv7(clock.nowMs(), random10());
}

/**
 * Ids for many rows written in one go (the bank import's payment and exception rows): UUID v7 made
 * in increasing order, RFC 9562 §6.2 method 2 — the first id of a millisecond takes fresh random
 * bytes (the top bit of the 56 low random bits cleared, room to count), each further id of that
 * millisecond is the one before plus one in those 56 bits. Still unique and still v7 (same version
 * and variant bits, same 26-character text), but each lands at the right edge of the id indexes,
 * where random ids of one millisecond would be written all over them (a 100,000-line import makes
 * 200,000). Not for anything that must not be guessed from its neighbour.
 */
export function idSequence(clock: Clock): () => string {
  let lastMs = -1;
  const bytes = new Uint8Array(10);
  return () => {
    const ms = clock.nowMs();
    if (ms !== lastMs) {
      bytes.set(random10());
      bytes[3] = (bytes[3] ?? 0) & 0x7f;
      lastMs = ms;
    } else {
      // +1 over bytes 3…9 (the random bits uuidv7 keeps whole), big-endian, carry upward.
      for (let i = 9; i >= 3; i -= 1) {
        const next = ((bytes[i] ?? 0) + 1) & 0xff;
        bytes[i] = next;
        if (next !== 0) break;
      }
    }
    return uuidv7(ms, bytes);
  };
}
