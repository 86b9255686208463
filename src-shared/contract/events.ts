import { z } from 'zod';
import type { EventName } from './names';
import type { EventSpec } from './spec';

/** Events main pushes to the UI (Actual's server-events map). */
export const eventMap = {
  'session.ended': {
    payload: z.strictObject({ reason: z.enum(['idle', 'logout', 'disabled']) }),
  },
  'app.error': {
    payload: z.strictObject({ code: z.string(), messageTh: z.string(), messageEn: z.string() }),
  },
} as const satisfies Record<EventName, EventSpec>;

export type EventPayload<E extends EventName> = z.infer<(typeof eventMap)[E]['payload']>;
