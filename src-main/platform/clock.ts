/** "Now" is injected (design.md, style.md §8): services never call Date.now() themselves. */
export interface Clock {
  nowMs(): number;
}

export const systemClock: Clock = { nowMs: () => Date.now() };

/** A clock tests and the demo can move by hand. */
export function manualClock(startMs: number): Clock & { advanceMs(deltaMs: number): void; setMs(ms: number): void } {
  let currentMs = startMs;
  return {
    nowMs: () => currentMs,
    advanceMs: (deltaMs) => {
      currentMs += deltaMs;
    },
    setMs: (ms) => {
      currentMs = ms;
    },
  };
}
