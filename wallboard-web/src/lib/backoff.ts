// Reconnect forever, with jittered exponential back-off. The SignalR client's default policy gives up
// after about 42 s, which on a wall TV means a frozen screen until someone walks over with a keyboard.
// Equal jitter (half fixed, half random) keeps a room full of TVs from reconnecting in lockstep after
// a server restart, while guaranteeing each one a minimum pause.

export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 30_000;

/**
 * The pause before retry number `attempt` (0 for the first retry): the first is random in [0, 1 s) so a
 * blip heals at once; after that the ceiling doubles per attempt up to 30 s and the pause is drawn from
 * [ceiling / 2, ceiling).
 */
export function retryDelay(attempt: number, random: () => number = Math.random, first = FIRST_DELAY_MS, max = MAX_DELAY_MS): number {
  const r = Math.min(Math.max(random(), 0), 0.999999);
  if (attempt <= 0) {
    return Math.floor(r * first);
  }
  const ceiling = Math.min(max, first * 2 ** Math.min(attempt, 30));
  return Math.floor(ceiling / 2 + r * (ceiling / 2));
}

/** The SignalR IRetryPolicy shape: never returns null, so the client never stops reconnecting. */
export function foreverPolicy(random: () => number = Math.random, onDelay?: (delayMs: number, attempt: number) => void) {
  return {
    nextRetryDelayInMilliseconds(context: { previousRetryCount: number }): number {
      const delay = retryDelay(context.previousRetryCount, random);
      onDelay?.(delay, context.previousRetryCount);
      return delay;
    },
  };
}
