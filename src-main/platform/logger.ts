import { appendFileSync, existsSync, mkdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
export const LOG_LIMITS = { maxFileBytes: 5 * 1024 * 1024, keepFiles: 5 } as const;

const SECRET_KEYS = /pass(word)?|token|secret|hash|key/i;
/** A 13-digit national ID keeps its first and last digit only (personal data is masked in logs). */
const NATIONAL_ID = /(?<!\d)(\d)\d{11}(\d)(?!\d)/g;

export function maskValue(key: string, value: unknown): unknown {
  if (SECRET_KEYS.test(key)) return '[hidden]';
  if (typeof value === 'string') return value.replace(NATIONAL_ID, '$1-xxxxxxxxxxx-$2');
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

function maskFields(fields: LogFields | undefined): Record<string, unknown> {
  const masked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields ?? {})) masked[key] = maskValue(key, value);
  return masked;
}

export interface FileLoggerOptions {
  readonly logDir: string;
  readonly fileName: string;
  readonly level?: LogLevel;
  /** Also copy warnings and errors to stderr (CLI, web shell). */
  readonly echoToStderr?: boolean;
}

/**
 * JSON-lines logger with size-based rotation (`name.log`, `name.1.log` … `name.5.log`).
 * Synchronous appends: a log line about a payment is never lost in a buffer when power goes.
 */
export function createFileLogger(options: FileLoggerOptions): Logger {
  const minRank = LEVEL_RANK[options.level ?? 'info'];
  mkdirSync(options.logDir, { recursive: true });
  const file = join(options.logDir, `${options.fileName}.log`);

  const write = (level: LogLevel, message: string, fields?: LogFields): void => {
    if (LEVEL_RANK[level] < minRank) return;
    const line = `${JSON.stringify({ t: new Date().toISOString(), level, msg: maskValue('msg', message), ...maskFields(fields) })}\n`;
    try {
      rotateIfNeeded(options.logDir, options.fileName, file);
      appendFileSync(file, line);
    } catch {
      // Logging must never take the counter down; stderr is the last resort.
      process.stderr.write(line);
      return;
    }
    if (options.echoToStderr === true && LEVEL_RANK[level] >= LEVEL_RANK.warn) process.stderr.write(line);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

function rotateIfNeeded(dir: string, name: string, file: string): void {
  if (!existsSync(file) || statSync(file).size < LOG_LIMITS.maxFileBytes) return;
  const oldest = join(dir, `${name}.${LOG_LIMITS.keepFiles}.log`);
  if (existsSync(oldest)) unlinkSync(oldest);
  for (let i = LOG_LIMITS.keepFiles - 1; i >= 1; i -= 1) {
    const from = join(dir, `${name}.${i}.log`);
    if (existsSync(from)) renameSync(from, join(dir, `${name}.${i + 1}.log`));
  }
  renameSync(file, join(dir, `${name}.1.log`));
}

/** For tests: collects lines in memory. */
export function memoryLogger(): Logger & { readonly lines: { level: LogLevel; message: string; fields: Record<string, unknown> }[] } {
  const lines: { level: LogLevel; message: string; fields: Record<string, unknown> }[] = [];
  const push = (level: LogLevel) => (message: string, fields?: LogFields) => {
    lines.push({ level, message, fields: maskFields(fields) });
  };
  return { lines, debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error') };
}
