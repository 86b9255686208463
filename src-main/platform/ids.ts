import { randomBytes } from 'node:crypto';
import { uuidv7 } from '../../src-shared/ids';
import type { Clock } from './clock';

export function newId(clock: Clock): string {
  return uuidv7(clock.nowMs(), randomBytes(10));
}
