import type { RequestOutput } from '../../src-shared/contract';

/** What `app.info` tells the UI: office, terminal, business date, training mode. */
export type AppInfo = RequestOutput<'app.info'>;
