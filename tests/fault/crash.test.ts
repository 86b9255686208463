import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, openOfficeDatabase } from '../../src-main/db/open';
import { verifyLedger } from '../../src-main/ledger/verify';
import { manualClock } from '../../src-main/platform/clock';
import { memoryLogger } from '../../src-main/platform/logger';
import { dataPaths } from '../../src-main/platform/paths';
import { ROOT } from '../helpers/cli';
import { MACHINE_ID, makeTestOffice, setUpWithUsers } from '../helpers/office';

/**
 * Power cuts at the counter (issue 5): a child issues receipts in a loop and reports each committed
 * number; the parent SIGKILLs it at random moments, then checks the database like a restarted app:
 * the chain and every invariant verify, the book has no gap and no duplicate, and every number
 * reported as committed exists. EBILL_CRASH_ROUNDS raises the number of kills (default 200).
 */
const ROUNDS = Number(process.env['EBILL_CRASH_ROUNDS'] ?? '200');
const MAX_KILL_DELAY_MS = 60;
const BOOK = 'E70-5401-1';

let dir: string;
let childFile: string;
let operatorId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ebill-crash-'));
  const office = makeTestOffice({ dataDir: dir });
  await setUpWithUsers(office);
  operatorId = (office.host.services.database.sqlite.prepare(`SELECT id FROM users WHERE username = 'operator'`).get() as { id: string }).id;
  office.host.close();
  // Inside the project (out/ is git-ignored) so that the bundle finds node_modules.
  childFile = join(ROOT, 'out', 'fault', `issue-loop-${process.pid}.mjs`);
  await build({
    entryPoints: [join(import.meta.dirname, 'issue-loop.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: childFile,
    external: ['better-sqlite3', 'drizzle-orm', 'zod'],
    logLevel: 'warning',
  });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(childFile, { force: true });
});

interface Round {
  readonly reported: number[];
}

function killAtRandom(): Promise<Round> {
  const paths = dataPaths(dir);
  const child = spawn(process.execPath, [childFile, paths.databaseFile, paths.backupDir, defaultMigrationsDir(), MACHINE_ID, operatorId], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const reported: number[] = [];
  let buffered = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * MAX_KILL_DELAY_MS));
        else reported.push(Number(line));
      }
    });
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the child ended by itself (${String(code)}): ${stderr}`));
      else resolve({ reported });
    });
  });
}

describe('crash test: SIGKILL while issuing receipts', () => {
  it(
    `after ${ROUNDS} kills the ledger verifies, the book is gapless without duplicates, and every reported receipt exists`,
    async () => {
      const committed = new Set<number>();
      let kills = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        const { reported } = await killAtRandom();
        kills += 1;
        for (const n of reported) committed.add(n);
        const database = openOfficeDatabase({ file: dataPaths(dir).databaseFile, backupDir: dataPaths(dir).backupDir, clock: manualClock(Date.now()), logger: memoryLogger() });
        try {
          const report = verifyLedger(database.sqlite);
          expect(report.problems, `round ${round}`).toEqual([]);
          const numbers = (database.sqlite.prepare('SELECT number FROM receipts WHERE book = ? ORDER BY number').all(BOOK) as { number: number }[]).map((r) => r.number);
          expect(numbers, `round ${round}: gapless, no duplicate`).toEqual(numbers.map((_n, i) => i + 1));
          const present = new Set(numbers);
          const lost = [...committed].filter((n) => !present.has(n));
          expect(lost, `round ${round}: committed receipts lost`).toEqual([]);
        } finally {
          database.close();
        }
      }
      expect(kills).toBe(ROUNDS);
      // The kills must land while receipts are being written, not only before the first one.
      expect(committed.size).toBeGreaterThan(ROUNDS / 4);
    },
    15 * 60_000,
  );
});
