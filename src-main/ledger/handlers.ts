import type { RequestOutput } from '../../src-shared/contract';
import { CodedError } from '../../src-shared/result';
import { requireSession, type CallContext, type Handlers, type OfficeServices } from '../host/context';
import type { LedgerDeps } from './action';
import { resolveApproval } from './approvals';
import { showBill } from './bill-codes';
import { issueReceiptWithRequest } from './counter-payment';
import { cancelRequest, recordPaymentConfirmation } from './payments';
import { cancelReceipt, issueReceipt, recordOriginalPrint, recordReprint, requireReceipt } from './receipts';
import { catalogForNames, catalogInForce } from './catalog-in-force';
import { createRequest, type CreatedRequest } from './requests';
import { acknowledgeClock, rebindTerminal } from './terminal';
import { verifyLedger } from './verify';

function ledgerDeps(services: OfficeServices): LedgerDeps & { db: OfficeServices['db'] } {
  return { sqlite: services.database.sqlite, clock: services.clock, machineId: services.machineId, db: services.db };
}

/** The catalog in force (the highest valid version pulled from central, else the shipped default). */
function catalogOf(services: OfficeServices) {
  return catalogInForce(services.database.sqlite, services.logger);
}

function receiptSubject(input: { book: string; number: number }): string {
  return `${input.book}/${input.number}`;
}

async function approvalFor(ctx: CallContext, input: Parameters<typeof resolveApproval>[2], target: Parameters<typeof resolveApproval>[3]) {
  return resolveApproval(ledgerDeps(ctx.services), requireSession(ctx), input, target);
}

/** The ledger's slice of the contract (issue 5). Roles are checked by the dispatcher first. */
export const ledgerHandlers = {
  'request.create': (input, ctx) => requestSummaryOf(createRequest(ledgerDeps(ctx.services), catalogOf(ctx.services), requireSession(ctx).userId, input)),
  'request.cancel': async (input, ctx) => {
    const approval = await approvalFor(ctx, input.approval, { action: 'request.cancel', subject: input.ref1, reasonCode: input.reasonCode });
    cancelRequest(ledgerDeps(ctx.services), requireSession(ctx).userId, input.ref1, input.reasonCode, input.reasonText, approval);
    return { ref1: input.ref1 };
  },
  'bill.show': (input, { services }) => showBill(services.database.sqlite, input.ref1),
  'payment.recordEvidence': (input, ctx) => ({
    confirmationId: recordPaymentConfirmation(ledgerDeps(ctx.services), requireSession(ctx).userId, { ...input, source: 'provisional' }),
  }),
  // The bill's revenue code was checked when it was made; here the catalog only names the item, so a
  // bill of a fee type central deactivated or dropped since is still receipted with its name.
  'receipt.issue': (input, ctx) => issueReceipt(ledgerDeps(ctx.services), catalogForNames(ctx.services.database.sqlite, ctx.services.logger), { userId: requireSession(ctx).userId }, input.ref1, input.payment),
  'receipt.issueWithRequest': (input, ctx) => {
    const { request, receipt } = issueReceiptWithRequest(ledgerDeps(ctx.services), catalogOf(ctx.services), { userId: requireSession(ctx).userId }, input.request, input.payment);
    return { request: requestSummaryOf(request), receipt };
  },
  'receipt.markPrinted': (input, ctx) => recordOriginalPrint(ledgerDeps(ctx.services), requireSession(ctx).userId, input.book, input.number),
  'receipt.reprint': async (input, ctx) => {
    requireReceipt(ctx.services.database.sqlite, input.book, input.number);
    const approval = await approvalFor(ctx, input.approval, { action: 'receipt.reprint', subject: receiptSubject(input), reasonCode: input.reasonCode });
    return recordReprint(ledgerDeps(ctx.services), requireSession(ctx).userId, input.book, input.number, { reasonCode: input.reasonCode, reasonText: input.reasonText, approval });
  },
  'receipt.cancel': async (input, ctx) => {
    const receipt = requireReceipt(ctx.services.database.sqlite, input.book, input.number);
    if (receipt.isCancelled) throw new CodedError('ALREADY_CANCELLED', `Receipt ${receiptSubject(input)} is already cancelled`);
    const approval = await approvalFor(ctx, input.approval, { action: 'receipt.cancel', subject: receiptSubject(input), reasonCode: input.reasonCode });
    return {
      receipt: cancelReceipt(ledgerDeps(ctx.services), requireSession(ctx).userId, input.book, input.number, { reasonCode: input.reasonCode, reasonText: input.reasonText, approval }),
    };
  },
  'receipt.get': (input, { services }) => requireReceipt(services.database.sqlite, input.book, input.number),
  'clock.acknowledge': (input, ctx) => acknowledgeClock(ledgerDeps(ctx.services), requireSession(ctx).userId, input.reasonText),
  'terminal.rebind': (input, ctx) => rebindTerminal(ledgerDeps(ctx.services), requireSession(ctx).userId, input.terminalSlot, input.reasonText),
  'ledger.verify': (_input, { services }) => {
    const report = verifyLedger(services.database.sqlite);
    return { entries: report.entries, headHash: report.headHash, problems: [...report.problems] };
  },
} satisfies Pick<
  Handlers,
  | 'request.create'
  | 'request.cancel'
  | 'bill.show'
  | 'payment.recordEvidence'
  | 'receipt.issue'
  | 'receipt.issueWithRequest'
  | 'receipt.markPrinted'
  | 'receipt.reprint'
  | 'receipt.cancel'
  | 'receipt.get'
  | 'clock.acknowledge'
  | 'terminal.rebind'
  | 'ledger.verify'
>;

/** The contract's request summary: only the fields it names (the service returns more). */
function requestSummaryOf(created: CreatedRequest): RequestOutput<'request.create'> {
  const { requestId, requestNo, ref1, ref2, payerName, revenueCode, amountSatang, dueDate, businessDate, isManualFineEntry } = created;
  return { requestId, requestNo, ref1, ref2, payerName, revenueCode, amountSatang, dueDate, businessDate, isManualFineEntry };
}
