import { CodedError } from '../../src-shared/result';
import { requireSession, type Handlers } from '../host/context';
import type { ApprovalTarget } from '../ledger/approvals';
import { requireBill } from '../ledger/bills';
import { requireReceipt } from '../ledger/receipts';
import { withSyncLock } from './lock';
import { DEFAULT_RETRY } from './retry';
import { listCentralApprovals, pullFromCentral, saveCentralApprovalRequest, sendPendingRequests } from './pull';

/** How long the counter waits for central when it sends a request; no answer leaves it saved for the next pull. */
const ASK_TIMEOUT_MS = 5_000;

/** approval.*: approvals asked through central (design.md "Supervisor approval", path 2). */
export const syncHandlers = {
  'approval.askCentral': async (input, ctx) => {
    const { sqlite } = ctx.services.database;
    let target: ApprovalTarget;
    if (input.action === 'request.cancel') {
      const bill = requireBill(sqlite, input.ref1);
      if (bill.isRequestCancelled) throw new CodedError('ALREADY_CANCELLED', `The request of Ref1 ${input.ref1} is already cancelled`);
      target = { action: input.action, subject: input.ref1, reasonCode: input.reasonCode };
    } else {
      const receipt = requireReceipt(sqlite, input.book, input.number);
      if (input.action === 'receipt.cancel' && receipt.isCancelled) throw new CodedError('ALREADY_CANCELLED', `Receipt ${input.book}/${input.number} is already cancelled`);
      target = { action: input.action, subject: `${input.book}/${input.number}`, reasonCode: input.reasonCode };
    }
    const deps = { sqlite, clock: ctx.services.clock, machineId: ctx.services.machineId };
    const id = saveCentralApprovalRequest(deps, requireSession(ctx).userId, target, input.reasonText);
    try {
      await withSyncLock(sqlite, () => sendPendingRequests(deps, { ...DEFAULT_RETRY, maxAttempts: 1 }, ASK_TIMEOUT_MS));
    } catch (error) {
      // Saved: the next pull sends it. Only an unreachable central is expected here; anything else is said.
      if (!(error instanceof CodedError) || error.code !== 'SYNC_UNREACHABLE') throw error;
    }
    const [saved] = listCentralApprovals(sqlite, id);
    if (saved === undefined) throw new Error(`central approval request ${id} was just saved`);
    return saved;
  },
  'approval.centralList': async (input, { services }) => {
    let isCentralReached: boolean | null = null;
    if (input.checkCentral === true) {
      try {
        const { sqlite } = services.database;
        // Behind a background round under way, never beside it (src-main/sync/lock.ts).
        await withSyncLock(sqlite, () => pullFromCentral({ sqlite, clock: services.clock, machineId: services.machineId }, { ...DEFAULT_RETRY, maxAttempts: 1 }, ASK_TIMEOUT_MS));
        isCentralReached = true;
      } catch (error) {
        if (!(error instanceof CodedError) || error.code !== 'SYNC_UNREACHABLE') throw error;
        isCentralReached = false;
      }
    }
    return { approvals: listCentralApprovals(services.database.sqlite), isCentralReached };
  },
} satisfies Pick<Handlers, 'approval.askCentral' | 'approval.centralList'>;
