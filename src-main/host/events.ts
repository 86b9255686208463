import { eventMap, type EventName, type EventPayload } from '../../src-shared/contract';

export type EventListener = (targetClientId: string | null, name: EventName, payload: unknown) => void;

/** Events main pushes to the UI; each transport (IPC, SSE) subscribes and routes by client. */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `targetClientId` null = every client. The payload is validated like every boundary crossing. */
  emit<E extends EventName>(targetClientId: string | null, name: E, payload: EventPayload<E>): void {
    const checked: unknown = eventMap[name].payload.parse(payload);
    for (const listener of this.listeners) listener(targetClientId, name, checked);
  }
}
