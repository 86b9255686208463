/** Every table of the office database, gathered for drizzle-kit and for typed queries. */
export * from '../office/schema';
export * from '../users/schema';
export * from '../audit/schema';
export * from '../ledger/schema';
export * from '../printing/schema';
export * from '../bank/schema';
export * from '../books/schema';
export * from '../close/schema';
export * from '../close/remittance-schema';
export * from '../sync/schema';
