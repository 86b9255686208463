import { requireSession, type Handlers } from '../host/context';
import { centralBookList, registerBookFromCentral } from './central-books';

/** The books central assigned (issue 11), beside the local register. Roles are checked by the dispatcher first. */
export const centralBooksHandlers = {
  'book.centralList': (_input, { services }) => {
    const list = centralBookList(services.database.sqlite);
    return {
      terminalSlot: list.terminalSlot,
      isEnrolled: list.isEnrolled,
      assignments: list.assignments.map((a) => ({ ...a, local: a.local === null ? null : { ...a.local } })),
      localOnly: list.localOnly.map((b) => ({ ...b, central: b.central === null ? null : { ...b.central } })),
    };
  },
  'book.registerFromCentral': (input, ctx) =>
    registerBookFromCentral({ sqlite: ctx.services.database.sqlite, clock: ctx.services.clock, machineId: ctx.services.machineId }, requireSession(ctx).userId, input.bookNo),
} satisfies Pick<Handlers, 'book.centralList' | 'book.registerFromCentral'>;
