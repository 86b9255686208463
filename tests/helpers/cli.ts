import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/**
 * A test that runs the real bin many times: each run starts Node and tsx (1–3 s on a loaded CI
 * machine), so these tests get more than vitest's default.
 */
export const CLI_TEST_TIMEOUT_MS = 180_000;

/**
 * A browser test drives Chromium against the browser shell: 1–7 s on a quiet machine, several times
 * that while the whole suite runs on two cores (CI saw 20 s pass in the middle of one).
 */
export const E2E_TEST_TIMEOUT_MS = 120_000;

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly json: Record<string, unknown>;
}

/**
 * The bundles tests/global-setup.ts builds once per run (scripts/bundle-node.ts): the same sources
 * as `bin/*.mjs` run through tsx, without tsx compiling every module again on every spawn (2 s each).
 */
export const BUNDLED = {
  ebill: join(ROOT, 'out', 'cli', 'entry.js'),
  central: join(ROOT, 'out', 'server', 'entry.js'),
  web: join(ROOT, 'out', 'web', 'main.js'),
} as const;

/** Runs `ebill` as a user does, from the bundle of the current sources, stdin given as text. */
export function ebill(args: readonly string[], stdin = ''): CliRun {
  return runEbill(BUNDLED.ebill, args, stdin);
}

/** Runs the checkout's own bin (`node bin/ebill.mjs …`, TypeScript through tsx): the path `npm run ebill` takes. */
export function ebillFromBin(args: readonly string[], stdin = ''): CliRun {
  return runEbill(join(ROOT, 'bin', 'ebill.mjs'), args, stdin);
}

function runEbill(program: string, args: readonly string[], stdin: string): CliRun {
  const result = spawnSync(process.execPath, [program, ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, EBILL_DATA_DIR: '' },
  });
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(result.stdout) as Record<string, unknown>;
  } catch {
    json = {};
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, json };
}
