// Dispatcher overhead and login cost on the real stack (SQLite file, argon2id), in one run.
// Prints medians of 5 rounds; compare figures within one run only.
import { performance } from 'node:perf_hooks';
import { client, expectOk, loginAs, makeTestOffice, setUpWithUsers } from '../tests/helpers/office';

const ROUNDS = 5;
const CALLS_PER_ROUND = 2_000;
const LOGINS_PER_ROUND = 10;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const office = makeTestOffice({ idleTimeoutMs: 3_600_000 });
await setUpWithUsers(office);
const who = client('bench');
await loginAs(office, who, 'admin');

const callsPerSecond: number[] = [];
const loginMs: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  let start = performance.now();
  for (let i = 0; i < CALLS_PER_ROUND; i += 1) await expectOk(office.call(who, 'user.list', { includeDisabled: true }));
  callsPerSecond.push(CALLS_PER_ROUND / ((performance.now() - start) / 1000));
  start = performance.now();
  for (let i = 0; i < LOGINS_PER_ROUND; i += 1) await loginAs(office, client(`bench-login-${i}`), 'operator');
  loginMs.push((performance.now() - start) / LOGINS_PER_ROUND);
}
office.close();
process.stdout.write(`dispatch user.list (validate + role + SQLite read + output check): median ${Math.round(median(callsPerSecond))} calls/s over ${ROUNDS} rounds of ${CALLS_PER_ROUND}\n`);
process.stdout.write(`login (argon2id m=19456 t=2 p=1 + audit row): median ${median(loginMs).toFixed(1)} ms per login\n`);
