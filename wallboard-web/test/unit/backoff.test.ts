import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foreverPolicy, MAX_DELAY_MS, retryDelay } from '../../src/lib/backoff.ts';

test('the first retry comes within a second (a blip heals at once)', () => {
  assert.equal(retryDelay(0, () => 0), 0);
  assert.equal(retryDelay(0, () => 0.5), 500);
  assert.ok(retryDelay(0, () => 0.9999) < 1000);
});

test('later retries double their ceiling and draw from its upper half (equal jitter)', () => {
  assert.equal(retryDelay(1, () => 0), 1000);
  assert.equal(retryDelay(1, () => 0.5), 1500);
  assert.equal(retryDelay(2, () => 0), 2000);
  assert.equal(retryDelay(3, () => 0), 4000);
  assert.ok(retryDelay(3, () => 0.9999) < 8000);
});

test('the pause never exceeds 30 s, however long the outage', () => {
  for (const attempt of [5, 6, 10, 50, 1000]) {
    const low = retryDelay(attempt, () => 0);
    const high = retryDelay(attempt, () => 0.9999);
    assert.equal(low, MAX_DELAY_MS / 2, `attempt ${attempt}`);
    assert.ok(high < MAX_DELAY_MS && high > 29_000, `attempt ${attempt}: ${high}`);
  }
});

test('jitter spreads a room of TVs apart', () => {
  const delays = new Set(Array.from({ length: 50 }, (_, i) => retryDelay(4, () => i / 50)));
  assert.equal(delays.size, 50);
});

test('the policy handed to SignalR never gives up (never returns null)', () => {
  let seen = -1;
  const policy = foreverPolicy(() => 0.25, (_delay, attempt) => { seen = attempt; });
  for (let attempt = 0; attempt < 10_000; attempt += 97) {
    const delay = policy.nextRetryDelayInMilliseconds({ previousRetryCount: attempt });
    assert.equal(typeof delay, 'number');
    assert.ok(delay >= 0 && delay <= MAX_DELAY_MS);
  }
  assert.equal(seen, 9991);
});
