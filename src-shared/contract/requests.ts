import type { z } from 'zod';
import type { RequestName } from './names';
import type { RequestSpec } from './spec';
import { appRequests } from './app-requests';
import { userRequests } from './user-requests';
import { ledgerRequests } from './ledger-requests';
import { bankRequests } from './bank-requests';
import { printRequests } from './print-requests';
import { booksRequests } from './books-requests';
import { reportRequests } from './report-requests';
import { closeRequests } from './close-requests';
import { counterRequests } from './counter-requests';
import { syncRequests } from './sync-requests';
import { settingsRequests } from './settings-requests';

/** The request map, assembled from one slice per feature (Actual's handlers.ts). */
export const requestMap = {
  ...appRequests,
  ...userRequests,
  ...ledgerRequests,
  ...bankRequests,
  ...printRequests,
  ...booksRequests,
  ...reportRequests,
  ...closeRequests,
  ...counterRequests,
  ...syncRequests,
  ...settingsRequests,
} as const satisfies Record<RequestName, RequestSpec>;

// Both directions: every name has a spec (above) and every spec has a name (here).
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: Exact<keyof typeof requestMap, RequestName> = true;
void namesMatch;

export type RequestInput<K extends RequestName> = z.input<(typeof requestMap)[K]['input']>;
export type ParsedInput<K extends RequestName> = z.output<(typeof requestMap)[K]['input']>;
export type RequestOutput<K extends RequestName> = z.output<(typeof requestMap)[K]['output']>;
