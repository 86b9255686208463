/**
 * The text one ledger entry is hashed over (design.md "The ledger": hash = SHA-256(prevHash ‖
 * canonical JSON of the entry)). One implementation for the office (src-main/ledger/chain.ts, which
 * appends and verifies) and central (src-server, which recomputes every pushed entry's hash), so the
 * two can never disagree about what was hashed.
 */

/** The hash before the first entry (seq 1): 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** An entry's columns that are hashed, apart from its payload. */
export interface EntryHeader {
  readonly seq: number;
  readonly id: string;
  readonly kind: string;
  readonly payloadVersion: number;
  readonly atMs: number;
  readonly businessDate: string;
  readonly place: string;
  readonly terminalSlot: number;
  readonly userId: string | null;
}

/**
 * RFC 8785 form of an entry whose payload is already canonical text: its keys are fixed, so they are
 * written in sorted order by hand, and the payload text is hashed exactly as given. Equal to
 * `canonicalJson({...entry, payload})` (tested in tests/ledger/integrity.test.ts).
 */
export function canonicalEntryText(entry: EntryHeader, payloadText: string): string {
  return (
    `{"atMs":${entry.atMs},"businessDate":${JSON.stringify(entry.businessDate)},"id":${JSON.stringify(entry.id)},` +
    `"kind":${JSON.stringify(entry.kind)},"payload":${payloadText},"payloadVersion":${entry.payloadVersion},` +
    `"place":${JSON.stringify(entry.place)},"seq":${entry.seq},"terminalSlot":${entry.terminalSlot},"userId":${JSON.stringify(entry.userId)}}`
  );
}
