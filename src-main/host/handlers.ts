import { officeHandlers } from '../office/handlers';
import { userHandlers } from '../users/handlers';
import { ledgerHandlers } from '../ledger/handlers';
import { bankHandlers } from '../bank/handlers';
import { printHandlers } from '../printing/handlers';
import { reportHandlers } from '../reports/handlers';
import { createCloseHandlers } from '../close/handlers';
import { NO_PAPER_BOOKS } from '../close/day-status';
import type { Handlers } from './context';

/** Every request's handler, one slice per feature; the compiler refuses a missing one. */
export const handlers = {
  ...officeHandlers,
  ...userHandlers,
  ...ledgerHandlers,
  ...bankHandlers,
  ...printHandlers,
  ...reportHandlers,
  // Issue 10: the books feature's listUnkeyedPaperLeaves (src-main/books/pending.ts) replaces NO_PAPER_BOOKS at merge.
  ...createCloseHandlers(NO_PAPER_BOOKS),
} satisfies Handlers;
