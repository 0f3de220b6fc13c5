// When a number on the wall can no longer be trusted. The server pushes only changes, so silence alone
// does not mean stale: a quiet board asks for a fresh snapshot every PROBE_AFTER_MS (which is also how
// a half-open connection is found), and a value is stale when nothing has confirmed it for STALE_AFTER_MS
// (three probe periods), when the connection is down, or when the server says its data may be stale.

export const PROBE_AFTER_MS = 5_000;
export const STALE_AFTER_MS = 3 * PROBE_AFTER_MS;
/** No message and no successful reconnect for this long, while the server answers: the page reloads itself. */
export const WEDGED_AFTER_MS = 120_000;

export type StaleReason = 'disconnected' | 'server' | 'silent' | 'waiting';

export interface Freshness {
  /** The hub connection is up and subscribed. */
  connected: boolean;
  /** The server said its values may be stale (event log unavailable). */
  serverStale: boolean;
  /** When (client clock, ms) a message last confirmed this value; null before the first snapshot. */
  confirmedAt: number | null;
  now: number;
  staleAfterMs?: number;
}

/** Why the value is stale, or null when it is fresh. */
export function staleReason(freshness: Freshness): StaleReason | null {
  if (freshness.confirmedAt === null) {
    return 'waiting';
  }
  if (!freshness.connected) {
    return 'disconnected';
  }
  if (freshness.serverStale) {
    return 'server';
  }
  if (freshness.now - freshness.confirmedAt > (freshness.staleAfterMs ?? STALE_AFTER_MS)) {
    return 'silent';
  }
  return null;
}

export function isStale(freshness: Freshness): boolean {
  return staleReason(freshness) !== null;
}

/** Milliseconds since the value was last confirmed (0 when it never was: nothing to age yet). */
export function dataAge(confirmedAt: number | null, now: number): number {
  return confirmedAt === null ? 0 : Math.max(0, now - confirmedAt);
}

/** A connected board that heard nothing for a probe period asks for a snapshot. */
export function shouldProbe(lastMessageAt: number, now: number, probeAfterMs = PROBE_AFTER_MS): boolean {
  return now - lastMessageAt >= probeAfterMs;
}

/**
 * Reload only when the page is wedged AND the server answers: reloading while the server is down would
 * replace the last known values with the browser's error page, which never retries.
 */
export function shouldReload(lastHealthyAt: number, now: number, serverAnswers: boolean, wedgedAfterMs = WEDGED_AFTER_MS): boolean {
  return serverAnswers && now - lastHealthyAt >= wedgedAfterMs;
}
