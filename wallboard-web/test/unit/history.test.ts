import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUCKET_MS, HISTORY_MS, SeriesHistory } from '../../src/lib/history.ts';
import { GAP_MS, MIN_SPAN_MS, sparklinePaths, sparklineSpan } from '../../src/lib/sparkline.ts';

const t0 = 1_700_000_000_000 - (1_700_000_000_000 % BUCKET_MS);

test('samples in one bucket keep the last value; a new bucket appends', () => {
  const history = new SeriesHistory();
  history.add(t0, 1);
  history.add(t0 + 3_000, 2);
  history.add(t0 + BUCKET_MS, 5);
  assert.deepEqual(history.points, [[t0, 2], [t0 + BUCKET_MS, 5]]);
});

test('an out-of-order sample never rewrites an older bucket', () => {
  const history = new SeriesHistory();
  history.add(t0 + BUCKET_MS, 5);
  history.add(t0, 1);
  assert.deepEqual(history.points, [[t0 + BUCKET_MS, 5]]);
});

test('prune keeps only the last hour, so a tile never holds more than 360 points', () => {
  const history = new SeriesHistory();
  for (let at = t0; at < t0 + 2 * HISTORY_MS; at += 1_000) {
    history.add(at, at % 7);
  }
  history.prune(t0 + 2 * HISTORY_MS);
  assert.equal(history.points.length, HISTORY_MS / BUCKET_MS);
  assert.ok(history.points[0]![0] >= t0 + HISTORY_MS);
});

test('the sparkline spans at least two minutes and at most an hour', () => {
  assert.equal(sparklineSpan([], t0), HISTORY_MS);
  assert.equal(sparklineSpan([[t0, 1]], t0 + 10_000), MIN_SPAN_MS);
  assert.equal(sparklineSpan([[t0, 1]], t0 + 30 * 60_000), 30 * 60_000);
  assert.equal(sparklineSpan([[t0, 1]], t0 + 3 * HISTORY_MS), HISTORY_MS);
});

test('the path runs left to right, high values up, and breaks at gaps and nulls', () => {
  const now = t0 + 100_000;
  const paths = sparklinePaths([[t0, 0], [t0 + 10_000, 10], [t0 + 20_000, null], [t0 + 30_000, 5], [t0 + 30_000 + GAP_MS + 1, 5]], now, 100, 20, 100_000, 0);
  assert.equal(paths.line, 'M0 20 L10 0 M30 10 L31 10 M60 10 L61 10');
  assert.equal(paths.min, 0);
  assert.equal(paths.max, 10);
  assert.match(paths.area, /Z$/);
});

test('a flat series sits in the middle; no samples draw nothing', () => {
  const flat = sparklinePaths([[t0, 3], [t0 + 10_000, 3]], t0 + 10_000, 100, 20, 10_000, 0);
  assert.equal(flat.line, 'M0 10 L100 10');
  assert.deepEqual(sparklinePaths([], t0, 100, 20, 10_000), { line: '', area: '', min: null, max: null });
});
