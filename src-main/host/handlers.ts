import { officeHandlers } from '../office/handlers';
import { userHandlers } from '../users/handlers';
import { ledgerHandlers } from '../ledger/handlers';
import { bankHandlers } from '../bank/handlers';
import { printHandlers } from '../printing/handlers';
import { counterHandlers } from '../counter/handlers';
import type { Handlers } from './context';

/** Every request's handler, one slice per feature; the compiler refuses a missing one. */
export const handlers = {
  ...officeHandlers,
  ...userHandlers,
  ...ledgerHandlers,
  ...bankHandlers,
  ...printHandlers,
  ...counterHandlers,
} satisfies Handlers;
