export * from './names';
export * from './errors';
export * from './spec';
export * from './reply';
export * from './requests';
export * from './events';
export type { EbillApi } from './api';
export { officeSummary, type OfficeSummary } from './app-requests';
export { userSummary, type UserSummary } from './user-requests';
