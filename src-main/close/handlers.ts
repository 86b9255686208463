import { requireSession, type Handlers, type OfficeServices } from '../host/context';
import { closeDay, closeShift, type CloseDeps } from './close-day';
import { dayStatus, shiftStatus, type ListUnkeyedPaperLeaves } from './day-status';

/**
 * The close slice of the contract (issue 10). `listUnkeyedPaperLeaves` is the books feature's
 * `src-main/books/pending.ts`, injected so the close does not depend on that folder (the lead wires
 * it in host/handlers.ts at merge; until then NO_PAPER_BOOKS).
 */
export function createCloseHandlers(listUnkeyedPaperLeaves: ListUnkeyedPaperLeaves) {
  const closeDeps = (services: OfficeServices): CloseDeps => ({ sqlite: services.database.sqlite, clock: services.clock, machineId: services.machineId, listUnkeyedPaperLeaves });
  return {
    'close.status': (input, { services }) => {
      const status = dayStatus(services.database.sqlite, input.businessDate, listUnkeyedPaperLeaves);
      return {
        businessDate: status.businessDate,
        nextKind: status.nextKind,
        receiptCount: status.receiptCount,
        totalSatang: status.totalSatang,
        cashExpectedSatang: status.cashExpectedSatang,
        unprintedOriginals: [...status.unprintedOriginals],
        unconfirmedProvisional: [...status.unconfirmedProvisional],
        unkeyedPaperLeaves: [...status.unkeyedPaperLeaves],
        closes: [...status.closes],
        shifts: [...status.shifts],
      };
    },
    'close.day': (input, ctx) => {
      const outcome = closeDay(closeDeps(ctx.services), requireSession(ctx).userId, { businessDate: input.businessDate, counted: input.pieces, varianceReason: input.varianceReason });
      return { close: outcome.close, unconfirmedProvisional: [...outcome.status.unconfirmedProvisional] };
    },
    'close.shiftStatus': (input, ctx) => {
      const userId = requireSession(ctx).userId;
      const status = shiftStatus(ctx.services.database.sqlite, input.businessDate, userId);
      return {
        businessDate: status.businessDate,
        canClose: status.nextKind !== null,
        receiptCount: status.receiptCount,
        totalSatang: status.totalSatang,
        cashExpectedSatang: status.cashExpectedSatang,
        unprintedOriginals: [...status.unprintedOriginals],
        unconfirmedProvisional: [...status.unconfirmedProvisional],
        shifts: status.shifts.filter((c) => c.receiverUserId === userId),
      };
    },
    'close.shift': (input, ctx) => {
      const outcome = closeShift(closeDeps(ctx.services), requireSession(ctx).userId, { businessDate: input.businessDate, counted: input.pieces, varianceReason: input.varianceReason });
      return { close: outcome.close, unconfirmedProvisional: [...outcome.status.unconfirmedProvisional] };
    },
  } satisfies Pick<Handlers, 'close.status' | 'close.day' | 'close.shift' | 'close.shiftStatus'>;
}
