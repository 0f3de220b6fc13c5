import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataAge, isStale, PROBE_AFTER_MS, shouldProbe, shouldReload, STALE_AFTER_MS, staleReason, WEDGED_AFTER_MS } from '../../src/lib/staleness.ts';

const now = 1_000_000;

test('a value confirmed within three probe periods on a healthy link is fresh', () => {
  assert.equal(STALE_AFTER_MS, 3 * PROBE_AFTER_MS);
  assert.equal(staleReason({ connected: true, serverStale: false, confirmedAt: now - STALE_AFTER_MS, now }), null);
  assert.equal(isStale({ connected: true, serverStale: false, confirmedAt: now, now }), false);
});

test('nothing confirmed the value for longer than the limit: stale (silent)', () => {
  assert.equal(staleReason({ connected: true, serverStale: false, confirmedAt: now - STALE_AFTER_MS - 1, now }), 'silent');
  assert.equal(staleReason({ connected: true, serverStale: false, confirmedAt: now - 2_001, now, staleAfterMs: 2_000 }), 'silent');
});

test('a lost connection or a server that says so makes every value stale at once', () => {
  assert.equal(staleReason({ connected: false, serverStale: false, confirmedAt: now, now }), 'disconnected');
  assert.equal(staleReason({ connected: true, serverStale: true, confirmedAt: now, now }), 'server');
  assert.equal(staleReason({ connected: false, serverStale: true, confirmedAt: now, now }), 'disconnected');
});

test('before the first snapshot a value is waiting, not stale data', () => {
  assert.equal(staleReason({ connected: true, serverStale: false, confirmedAt: null, now }), 'waiting');
  assert.equal(dataAge(null, now), 0);
  assert.equal(dataAge(now - 12_345, now), 12_345);
  assert.equal(dataAge(now + 50, now), 0);
});

test('a quiet connection probes after one probe period', () => {
  assert.equal(shouldProbe(now - PROBE_AFTER_MS + 1, now), false);
  assert.equal(shouldProbe(now - PROBE_AFTER_MS, now), true);
});

test('the page reloads itself only when wedged for two minutes and the server answers', () => {
  assert.equal(WEDGED_AFTER_MS, 120_000);
  assert.equal(shouldReload(now - WEDGED_AFTER_MS, now, true), true);
  assert.equal(shouldReload(now - WEDGED_AFTER_MS + 1, now, true), false);
  // Server down: keep the greyed values and keep retrying; a reload would show the browser's error page.
  assert.equal(shouldReload(now - 10 * WEDGED_AFTER_MS, now, false), false);
});
