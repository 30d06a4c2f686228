/**
 * A clock tests move instead of waiting: the app reads `now` (AppContext.now); a test sets a
 * day or moves days ahead. Until it is moved it tells the real time.
 */
export interface TestClock {
  now: () => Date;
  set: (instant: Date | string) => void;
  advanceDays: (days: number) => void;
}

export function createTestClock(): TestClock {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    set: (instant) => {
      offsetMs = new Date(instant).getTime() - Date.now();
    },
    advanceDays: (days) => {
      offsetMs += days * 86_400_000;
    },
  };
}
