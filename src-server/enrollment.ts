import { randomBytes, randomInt } from 'node:crypto';
import { GENESIS_HASH } from '../src-shared/ledger-entry-text';
import { ackSigningText, ENROLL_CODE_TTL_MS, type Ack, type EnrollRequest, type EnrollResponse, type SignedAck } from '../src-shared/sync';
import type { CentralDb, Sql } from './db/client';
import { newId, sha256Hex, type ServerKey } from './crypto';
import { CentralError } from './errors';

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_GROUP = 5;
const APPROVAL_KEY_BYTES = 32;

export const terminalIdOf = (place: string, slot: number): string => `${place}-${slot}`;

/** A one-time code for office `place`, slot `slot`: 50 random bits, stored as its SHA-256 only. */
export async function createEnrollCode(sql: Sql, nowMs: number, place: string, slot: number): Promise<{ code: string; expiresAtMs: number }> {
  const chars = Array.from({ length: CODE_GROUP * 2 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)] ?? '0').join('');
  const code = `${chars.slice(0, CODE_GROUP)}-${chars.slice(CODE_GROUP)}`;
  const expiresAtMs = nowMs + ENROLL_CODE_TTL_MS;
  await sql.query('INSERT INTO enroll_codes (code_sha256, place, slot, created_at_ms, expires_at_ms) VALUES ($1, $2, $3, $4, $5)', [sha256Hex(code), place, slot, nowMs, expiresAtMs]);
  return { code, expiresAtMs };
}

export async function signedAckOf(sql: Sql, serverKey: ServerKey, terminalId: string, keyId: string, nowMs: number): Promise<SignedAck> {
  const t = (await sql.query<{ place: string; slot: number; hw: number; head: string }>('SELECT place, slot, high_water_seq AS hw, head_hash AS head FROM terminals WHERE id = $1', [terminalId]))[0];
  if (t === undefined) throw new CentralError('NOT_FOUND', `Central knows no terminal ${terminalId}`);
  return signAck(serverKey, { place: t.place, terminalSlot: t.slot, keyId, highWaterSeq: t.hw, headHash: t.head, atMs: nowMs });
}

export function signAck(serverKey: ServerKey, ack: Ack): SignedAck {
  return { ack, signatureBase64: serverKey.sign(ackSigningText(ack)) };
}

/**
 * Enrolls a terminal with a one-time code (issue 11): the code must be for this office and slot,
 * unexpired and unused; the slot must have no key in force (a revoked terminal enrolls again and
 * keeps its chain). Central answers the key id, its own public key, the terminal's offline approval
 * key and what it already holds of the chain.
 */
export async function enroll(db: CentralDb, serverKey: ServerKey, body: EnrollRequest, nowMs: number): Promise<EnrollResponse> {
  return db.transaction(async (tx) => {
    const code = (
      await tx.query<{ place: string; slot: number; expiresAtMs: number; usedAtMs: number | null }>(
        'SELECT place, slot, expires_at_ms AS "expiresAtMs", used_at_ms AS "usedAtMs" FROM enroll_codes WHERE code_sha256 = $1 FOR UPDATE',
        [sha256Hex(body.code)],
      )
    )[0];
    if (code === undefined) throw new CentralError('BAD_CODE', 'This enrollment code is not known');
    const terminalId = terminalIdOf(body.place, body.terminalSlot);
    if (code.usedAtMs !== null) {
      // The same terminal asking again with the same key (its answer was lost): the same answer, not an error.
      const same = (
        await tx.query<{ keyId: string }>(
          `SELECT k.key_id AS "keyId" FROM enroll_codes c JOIN terminal_keys k ON k.key_id = c.used_by_key_id
           WHERE c.code_sha256 = $1 AND k.public_key_spki_base64 = $2 AND k.revoked_at_ms IS NULL`,
          [sha256Hex(body.code), body.publicKeySpkiBase64],
        )
      )[0];
      if (same === undefined || code.place !== body.place || code.slot !== body.terminalSlot) throw new CentralError('CODE_USED', 'This enrollment code has been used already');
      return enrollmentAnswer(tx, serverKey, terminalId, same.keyId, nowMs);
    }
    if (code.expiresAtMs < nowMs) throw new CentralError('CODE_EXPIRED', 'This enrollment code has expired; ask for a new one');
    if (code.place !== body.place || code.slot !== body.terminalSlot) {
      throw new CentralError('WRONG_TERMINAL', `This code is for ${code.place} slot ${code.slot}, not ${body.place} slot ${body.terminalSlot}`);
    }
    const active = await tx.query('SELECT key_id FROM terminal_keys WHERE terminal_id = $1 AND revoked_at_ms IS NULL', [terminalId]);
    if (active.length > 0) throw new CentralError('SLOT_TAKEN', `${terminalId} is enrolled already; revoke its key before enrolling another machine`);
    await tx.query(
      `INSERT INTO terminals (id, place, slot, high_water_seq, head_hash, approval_key_base64, enrolled_at_ms) VALUES ($1, $2, $3, 0, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
      [terminalId, body.place, body.terminalSlot, GENESIS_HASH, randomBytes(APPROVAL_KEY_BYTES).toString('base64'), nowMs],
    );
    const keyId = newId(nowMs);
    await tx.query('INSERT INTO terminal_keys (key_id, terminal_id, public_key_spki_base64, enrolled_at_ms) VALUES ($1, $2, $3, $4)', [keyId, terminalId, body.publicKeySpkiBase64, nowMs]);
    await tx.query('UPDATE enroll_codes SET used_at_ms = $1, used_by_key_id = $2 WHERE code_sha256 = $3', [nowMs, keyId, sha256Hex(body.code)]);
    return enrollmentAnswer(tx, serverKey, terminalId, keyId, nowMs);
  });
}

async function enrollmentAnswer(tx: Sql, serverKey: ServerKey, terminalId: string, keyId: string, nowMs: number): Promise<EnrollResponse> {
  const t = (await tx.query<{ place: string; slot: number; key: string }>('SELECT place, slot, approval_key_base64 AS key FROM terminals WHERE id = $1', [terminalId]))[0];
  if (t === undefined) throw new CentralError('INTERNAL', `terminal ${terminalId} vanished during its enrollment`);
  return {
    keyId,
    place: t.place,
    terminalSlot: t.slot,
    serverPublicKeySpkiBase64: serverKey.publicKeySpkiBase64,
    approvalKeyBase64: t.key,
    signedAck: await signedAckOf(tx, serverKey, terminalId, keyId, nowMs),
  };
}

/** Revokes every key in force of a terminal: its requests are refused from now on (KEY_REVOKED). */
export async function revokeTerminal(sql: Sql, place: string, slot: number, nowMs: number): Promise<{ revokedKeys: number }> {
  const rows = await sql.query('UPDATE terminal_keys SET revoked_at_ms = $1 WHERE terminal_id = $2 AND revoked_at_ms IS NULL RETURNING key_id', [nowMs, terminalIdOf(place, slot)]);
  return { revokedKeys: rows.length };
}
