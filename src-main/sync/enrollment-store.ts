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
    // A signed mark of this very terminal that this chain does not reach or differs at: this
    // database is behind central (restored from an older backup) or forked from what central holds.
    const localSeq = (prepared(sqlite, 'SELECT coalesce(max(seq), 0) AS s FROM ledger_entries').get() as { s: number }).s;
    prepared(
      sqlite,
      `INSERT INTO sync_behind_central (id, terminal_slot, local_seq, central_high_water_seq, central_head_hash, detected_at_ms)
       SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM sync_behind_central WHERE terminal_slot = ? AND central_high_water_seq = ? AND local_seq = ?)`,
    ).run(newId(), ack.terminalSlot, localSeq, ack.highWaterSeq, ack.headHash, ack.atMs, ack.terminalSlot, ack.highWaterSeq, localSeq);
    throw new CodedError(
      'SYNC_BEHIND_CENTRAL',
      ours === undefined
        ? `Central holds this chain up to entry ${ack.highWaterSeq}; this database ends at ${localSeq} (restored from an older backup?). It issues no numbers until an administrator re-binds it to a free slot (ebill terminal rebind)`
        : `Central holds this chain up to entry ${ack.highWaterSeq} with another head than this database has there (a restored database that issued again?). It issues no numbers until an administrator re-binds it to a free slot (ebill terminal rebind)`,
    );
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
