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
