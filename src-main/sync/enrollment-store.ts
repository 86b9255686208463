import { createPublicKey, verify } from 'node:crypto';
import type Database from 'better-sqlite3';
import { CodedError } from '../../src-shared/result';
import { ackSigningText, type SignedAck } from '../../src-shared/sync';
import { GENESIS_HASH, HASH_HEX_SQL } from '../ledger/chain';
import { prepared } from '../ledger/statements';

/** This terminal's enrollment in force (the latest row of `sync_enrollments`). */
export interface Enrollment {
  readonly id: string;
  readonly serverUrl: string;
  readonly keyId: string;
  readonly place: string;
  readonly terminalSlot: number;
  readonly privateKeyPkcs8Base64: string;
  readonly publicKeySpkiBase64: string;
  readonly serverPublicKeySpkiBase64: string;
  readonly enrolledAtMs: number;
}

export function readEnrollment(sqlite: Database.Database): Enrollment | undefined {
  return prepared(
    sqlite,
    `SELECT id, server_url AS serverUrl, key_id AS keyId, place, terminal_slot AS terminalSlot, private_key_pkcs8_base64 AS privateKeyPkcs8Base64,
            public_key_spki_base64 AS publicKeySpkiBase64, server_public_key_spki_base64 AS serverPublicKeySpkiBase64, enrolled_at_ms AS enrolledAtMs
     FROM sync_enrollments ORDER BY enrolled_at_ms DESC, rowid DESC LIMIT 1`,
  ).get() as Enrollment | undefined;
}

export function requireEnrollment(sqlite: Database.Database): Enrollment {
  const enrollment = readEnrollment(sqlite);
  if (enrollment === undefined) throw new CodedError('SYNC_NOT_ENROLLED', 'This terminal is not enrolled with central yet (ebill sync enroll --server URL --code CODE)');
  return enrollment;
}

/** The highest seq central has acknowledged with a signature this terminal checked (0: nothing yet). */
export function localHighWater(sqlite: Database.Database): number {
  return (prepared(sqlite, 'SELECT coalesce(max(high_water_seq), 0) AS hw FROM central_acks').get() as { hw: number }).hw;
}

function localHashAt(sqlite: Database.Database, seq: number): string | undefined {
  if (seq === 0) return GENESIS_HASH;
  return (prepared(sqlite, `SELECT ${HASH_HEX_SQL} AS hash FROM ledger_entries WHERE seq = ?`).get(seq) as { hash: string } | undefined)?.hash;
}

/**
 * Checks central's signed acknowledgement (its key, this terminal, a head hash equal to this
 * chain's own hash at that seq) and records it in `central_acks` with its proof, in one
 * transaction. Only then does anything count as sent (issue 11: a terminal killed mid-batch has
 * marked nothing). Returns the high-water mark now in force.
 */
export function recordAck(sqlite: Database.Database, enrollment: Enrollment, signed: SignedAck, newId: () => string): number {
  const { ack } = signed;
  const serverKey = createPublicKey({ key: Buffer.from(enrollment.serverPublicKeySpkiBase64, 'base64'), format: 'der', type: 'spki' });
  const isSigned = verify(null, Buffer.from(ackSigningText(ack), 'utf8'), serverKey, Buffer.from(signed.signatureBase64, 'base64'));
  if (!isSigned) throw new CodedError('SYNC_BAD_ACK', 'The acknowledgement is not signed by the central server this terminal enrolled with');
  if (ack.place !== enrollment.place || ack.terminalSlot !== enrollment.terminalSlot || ack.keyId !== enrollment.keyId) {
    throw new CodedError('SYNC_BAD_ACK', `The acknowledgement is for ${ack.place}-${ack.terminalSlot} (key ${ack.keyId}), not this terminal`);
  }
  const ours = localHashAt(sqlite, ack.highWaterSeq);
  if (ours === undefined || ours !== ack.headHash) {
    throw new CodedError('SYNC_BAD_ACK', `Central says it holds this chain up to ${ack.highWaterSeq} with head ${ack.headHash}; this terminal's chain differs there`);
  }
  const record = sqlite.transaction(() => {
    const current = localHighWater(sqlite);
    if (ack.highWaterSeq <= current) return current;
    const id = newId();
    prepared(sqlite, 'INSERT INTO central_acks (id, high_water_seq, head_hash, at_ms) VALUES (?, ?, ?, ?)').run(id, ack.highWaterSeq, ack.headHash, ack.atMs);
    prepared(sqlite, 'INSERT INTO central_ack_proofs (ack_id, key_id, signature_base64) VALUES (?, ?, ?)').run(id, ack.keyId, signed.signatureBase64);
    return ack.highWaterSeq;
  });
  return record.immediate();
}
