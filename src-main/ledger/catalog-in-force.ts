import type Database from 'better-sqlite3';
import { loadRevenueCatalog, type RevenueCatalog, type RevenueItem } from '../../src-shared/catalog';
import type { Logger } from '../platform/logger';
import { DEFAULT_CATALOG } from './requests';
import { prepared } from './statements';

/**
 * The office's revenue catalog in force (issue 11): the highest version pulled from central
 * (`central_catalog`, stored by sync/feed-apply.ts) that `loadRevenueCatalog` accepts, else the
 * shipped `DEFAULT_CATALOG` (the 14 fine laws, no fee types).
 *
 * Feed-apply validated every version on arrival, so a stored version failing here means the row was
 * damaged (or the validator became stricter in a newer app): it must not stop the counter. It is
 * skipped, the next lower valid version is in force, and the skip is logged (warn
 * `catalog.versionRefused` with the version, code and message) once per connection and highest
 * version, by the first caller that passes a logger (the handlers pass the office's).
 *
 * Cost on the counter's hot path (`receipt.issue`): one `SELECT max(version)` on the integer
 * primary key per call; the JSON is parsed and validated only when that changes (per connection).
 */
export interface CatalogInForce {
  readonly catalog: RevenueCatalog;
  /** The `central_catalog` version in force; null for the shipped default. */
  readonly version: number | null;
  /** When that version was pulled from central; null for the shipped default. */
  readonly pulledAtMs: number | null;
  /** Stored versions newer than the one in force that failed validation, newest first. */
  readonly refused: readonly RefusedCatalogVersion[];
}

export interface RefusedCatalogVersion {
  readonly version: number;
  readonly code: string;
  readonly message: string;
}

interface Cached {
  readonly maxVersion: number | null;
  readonly inForce: CatalogInForce;
  /** The refusals were logged (the first call with a logger after the highest version changed logs them). */
  logged: boolean;
  /** Built on first use: the in-force catalog whose `find` also knows codes only older versions had. */
  forNames?: RevenueCatalog;
}

const caches = new WeakMap<Database.Database, Cached>();

interface StoredVersion {
  version: number;
  dataJson: string;
  pulledAtMs: number;
}

function parseStored(row: StoredVersion): { ok: true; catalog: RevenueCatalog } | { ok: false; code: string; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(row.dataJson);
  } catch (error) {
    return { ok: false, code: 'CATALOG_INVALID_DATA', message: `catalog version ${row.version}: stored JSON unreadable (${(error as Error).message})` };
  }
  const loaded = loadRevenueCatalog(data);
  return loaded.ok ? { ok: true, catalog: loaded.value } : { ok: false, code: loaded.error.code, message: loaded.error.message };
}

function storedVersions(sqlite: Database.Database): IterableIterator<StoredVersion> {
  return prepared(sqlite, 'SELECT version, data_json AS dataJson, pulled_at_ms AS pulledAtMs FROM central_catalog ORDER BY version DESC').iterate() as IterableIterator<StoredVersion>;
}

function readInForce(sqlite: Database.Database): CatalogInForce {
  const refused: RefusedCatalogVersion[] = [];
  let found: CatalogInForce | undefined;
  for (const row of storedVersions(sqlite)) {
    const parsed = parseStored(row);
    if (parsed.ok) {
      found = { catalog: parsed.catalog, version: row.version, pulledAtMs: row.pulledAtMs, refused };
      break;
    }
    refused.push({ version: row.version, code: parsed.code, message: parsed.message });
  }
  return found ?? { catalog: DEFAULT_CATALOG, version: null, pulledAtMs: null, refused };
}

function logRefusals(entry: Cached, logger: Logger | undefined): void {
  if (entry.logged || logger === undefined) return;
  entry.logged = true;
  for (const r of entry.inForce.refused) {
    logger.warn('catalog.versionRefused', { version: r.version, code: r.code, message: r.message, inForce: entry.inForce.version ?? 'shipped default' });
  }
}

function cachedEntry(sqlite: Database.Database, logger: Logger | undefined): Cached {
  const { maxVersion } = prepared(sqlite, 'SELECT max(version) AS maxVersion FROM central_catalog').get() as { maxVersion: number | null };
  const hit = caches.get(sqlite);
  if (hit !== undefined && hit.maxVersion === maxVersion) {
    logRefusals(hit, logger);
    return hit;
  }
  const inForce = readInForce(sqlite);
  const entry: Cached = { maxVersion, inForce, logged: inForce.refused.length === 0 };
  caches.set(sqlite, entry);
  logRefusals(entry, logger);
  return entry;
}

/** The catalog in force with its version and when it was pulled (the settings screen shows them). */
export function catalogInForceOf(sqlite: Database.Database, logger?: Logger): CatalogInForce {
  return cachedEntry(sqlite, logger).inForce;
}

/** The catalog revenue codes are checked against: request.create, receipt.issue, paper keying, rates. */
export function catalogInForce(sqlite: Database.Database, logger?: Logger): RevenueCatalog {
  return cachedEntry(sqlite, logger).inForce.catalog;
}

/**
 * The catalog for names on documents and reports: the one in force (inactive fee types included:
 * `find` knows them), and for a code the version in force no longer lists at all, the name of the
 * newest valid older version that did — a bill or request of a fee type central later removed still
 * prints with its name. Never used to accept a revenue code.
 */
export function catalogForNames(sqlite: Database.Database, logger?: Logger): RevenueCatalog {
  const entry = cachedEntry(sqlite, logger);
  if (entry.forNames !== undefined) return entry.forNames;
  const inForce = entry.inForce.catalog;
  let older: Map<string, RevenueItem> | undefined;
  const olderItems = (): Map<string, RevenueItem> => {
    if (older !== undefined) return older;
    older = new Map();
    for (const row of storedVersions(sqlite)) {
      const parsed = parseStored(row);
      if (!parsed.ok) continue;
      for (const fee of parsed.catalog.feeTypes) if (!older.has(fee.revenueCode)) older.set(fee.revenueCode, { kind: 'fee', fee });
    }
    return older;
  };
  entry.forNames = { ...inForce, find: (revenueCode) => inForce.find(revenueCode) ?? olderItems().get(revenueCode) };
  return entry.forNames;
}
