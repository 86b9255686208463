import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/**
 * `ledger verify` on more than one core. Every entry's hash is checked against the STORED hash of the
 * entry before it, so the chain can be cut into seq ranges checked at the same time: the whole chain
 * holds exactly when every range holds (each range starts from the stored hash before it, and that
 * stored hash is itself checked by the range before). Each range runs in a worker thread on its own
 * read-only connection to the same file; the caller stays synchronous: it does its own checks while
 * the workers hash, then blocks on their answers (as the one-thread verify blocks on its loop).
 *
 * The worker is a plain script handed to `new Worker(…, { eval: true })`: no file of ours to find in a
 * bundle, and it needs only better-sqlite3 and node:crypto. The SQL that rebuilds each entry's text
 * comes from the caller (entry-payloads.ts), so there is one definition of it.
 */

const WORKER_SCRIPT = `
const { workerData } = require('node:worker_threads');
const { file, nativeBinding, sql, fromSeq, toSeq, prevHash, port, flag } = workerData;
Atomics.store(flag, 0, 1); // started
Atomics.notify(flag, 0);
try {
  const { hash: sha } = require('node:crypto');
  const Database = require(workerData.module);
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  let expected = fromSeq;
  let holds = true;
  for (const [seq, hash, text] of db.prepare(sql).raw(true).iterate(fromSeq, toSeq)) {
    // The text starts with the stored hash before it; the first one must be the hash the range starts from.
    if (seq !== expected || (seq === fromSeq && text.toString('latin1', 0, 64) !== prevHash) || sha('sha256', text, 'hex') !== hash) { holds = false; break; }
    expected += 1;
  }
  db.close();
  port.postMessage({ ok: true, holds: holds && expected === toSeq + 1 });
} catch (error) {
  port.postMessage({ ok: false, message: String(error && error.message || error) });
}
Atomics.store(flag, 0, 2); // answered
Atomics.notify(flag, 0);
`;

/** Below this many entries one thread is quicker than starting workers. */
export const PARALLEL_MIN_ENTRIES = 20_000;
/** A worker that has not started, or not answered, by then is given up on (the caller falls back to one thread). */
const WORKER_START_TIMEOUT_MS = 15_000;
const WORKER_ANSWER_TIMEOUT_MS = 10 * 60_000;

const nativeBindings = new WeakMap<Database.Database, string>();

/** The desktop app's Electron-ABI better-sqlite3 build, so that workers load the same one (db/open.ts). */
export function rememberNativeBinding(sqlite: Database.Database, nativeBinding: string | undefined): void {
  if (nativeBinding !== undefined) nativeBindings.set(sqlite, nativeBinding);
}

/** How many threads verify uses: one per core, at most 4, and 1 when workers cannot help. */
export function verifyThreads(sqlite: Database.Database, entries: number, minEntries = PARALLEL_MIN_ENTRIES): number {
  if (entries < minEntries || sqlite.memory || sqlite.inTransaction) return 1;
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Checks the ranges in worker threads: `true` when every range holds (gapless, every hash over the
 * stored hash before it), `false` when one does not, `null` when a worker could not run. Only `true`
 * is an answer: on `false` or `null` the caller verifies in this thread, which finds and words the
 * first break exactly as always (a broken chain is rare; its report matters more than its speed).
 * `rangeSql` selects `seq, hash (hex), text (BLOB)` for `seq BETWEEN ? AND ?` in seq order, where
 * text is the stored hash of the entry before (hex) followed by the entry's text: exactly the bytes
 * hashed. A range holds when its first text starts with `prevHash` and every hash matches.
 */
export function verifyRangesInWorkers(sqlite: Database.Database, rangeSql: string, ranges: readonly HashRange[]): boolean | null {
  return startRangesInWorkers(sqlite, rangeSql, ranges)();
}

export interface HashRange {
  readonly fromSeq: number;
  readonly toSeq: number;
  readonly prevHash: string;
}

/**
 * Starts the workers of `verifyRangesInWorkers` and returns at once: this thread can do other work
 * (verify's row and invariant checks) while they hash; the function returned blocks for the answer.
 */
export function startRangesInWorkers(sqlite: Database.Database, rangeSql: string, ranges: readonly HashRange[]): () => boolean | null {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const running = ranges.map((range) => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_SCRIPT, {
      eval: true,
      workerData: { module, file: sqlite.name, nativeBinding: nativeBindings.get(sqlite) ?? null, sql: rangeSql, ...range, port: port2, flag },
      transferList: [port2],
    });
    return { worker, flag, port: port1 };
  });
  return () => {
    let holds: boolean | null = true;
    for (const { worker, flag, port } of running) {
      // 0 → 1 when the worker runs, 1 → 2 when it has posted its answer.
      const started = Atomics.wait(flag, 0, 0, WORKER_START_TIMEOUT_MS) !== 'timed-out';
      const woke = started ? Atomics.wait(flag, 0, 1, WORKER_ANSWER_TIMEOUT_MS) : 'timed-out';
      const message = receiveMessageOnPort(port)?.message as { ok: true; holds: boolean } | { ok: false; message: string } | undefined;
      if (woke === 'timed-out' || message === undefined || !message.ok) holds = null;
      else if (!message.holds && holds === true) holds = false;
      port.close();
      void worker.terminate();
    }
    return holds;
  };
}
