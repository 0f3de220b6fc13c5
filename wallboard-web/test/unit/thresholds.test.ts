import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeTarget, describeThresholds, isBreached, stateOf, STATE_GLYPHS, STATE_WORDS, type Thresholds } from '../../src/lib/thresholds.ts';

// The catalog's defaults (GET /api/v1/catalog).
const serviceLevel: Thresholds = { warning: { above: null, below: 80 }, critical: { above: null, below: 70 } };
const occupancy: Thresholds = { warning: { above: 90, below: 70 }, critical: { above: 95, below: null } };
const longestWait: Thresholds = { warning: { above: 60, below: null }, critical: { above: 120, below: null } };

test('stateOf: a level is breached strictly beyond it (80 % is on target, 79.9 % is not)', () => {
  assert.equal(stateOf(80, serviceLevel), 'ok');
  assert.equal(stateOf(95.5, serviceLevel), 'ok');
  assert.equal(stateOf(79.9, serviceLevel), 'warning');
  assert.equal(stateOf(70, serviceLevel), 'warning');
  assert.equal(stateOf(69.99, serviceLevel), 'critical');
  assert.equal(stateOf(0, serviceLevel), 'critical');
});

test('stateOf: a band warns on both sides and critical wins over warning', () => {
  assert.equal(stateOf(80, occupancy), 'ok');
  assert.equal(stateOf(65, occupancy), 'warning');
  assert.equal(stateOf(91, occupancy), 'warning');
  assert.equal(stateOf(95.1, occupancy), 'critical');
});

test('stateOf: longest wait turns warning after 60 s and critical after 120 s', () => {
  assert.equal(stateOf(60, longestWait), 'ok');
  assert.equal(stateOf(61, longestWait), 'warning');
  assert.equal(stateOf(121, longestWait), 'critical');
});

test('stateOf: no data is never a breach, and a KPI without thresholds has no verdict', () => {
  assert.equal(stateOf(null, serviceLevel), 'nodata');
  assert.equal(stateOf(undefined, serviceLevel), 'nodata');
  assert.equal(stateOf(Number.NaN, serviceLevel), 'nodata');
  assert.equal(stateOf(12, null), 'none');
  assert.equal(stateOf(null, null), 'nodata');
});

test('isBreached ignores missing sides', () => {
  assert.equal(isBreached({ above: null, below: null }, 5), false);
  assert.equal(isBreached(null, 5), false);
  assert.equal(isBreached({ above: 4, below: null }, 5), true);
});

test('every verdict has a word and a glyph, so colour is never the only signal', () => {
  for (const state of ['ok', 'warning', 'critical', 'nodata'] as const) {
    assert.ok(STATE_WORDS[state].length > 0, state);
    assert.ok(STATE_GLYPHS[state].length > 0, state);
  }
  assert.deepEqual([STATE_GLYPHS.ok, STATE_GLYPHS.warning, STATE_GLYPHS.critical], ['✓', '▲', '✖']);
  assert.deepEqual([STATE_WORDS.ok, STATE_WORDS.warning, STATE_WORDS.critical], ['OK', 'Warning', 'Critical']);
});

test('describeTarget and describeThresholds put the levels in words', () => {
  const pct = (v: number) => `${v} %`;
  assert.equal(describeTarget(serviceLevel, pct), 'target ≥ 80 %');
  assert.equal(describeTarget(occupancy, pct), 'target 70 % – 90 %');
  assert.equal(describeTarget(longestWait, (v) => `${v} s`), 'target ≤ 60 s');
  assert.equal(describeTarget(null, pct), '');
  assert.equal(describeThresholds(serviceLevel, pct), 'warning below 80 %, critical below 70 %');
  assert.equal(describeThresholds(occupancy, pct), 'warning below 70 % or above 90 %, critical above 95 %');
  assert.equal(describeThresholds(null, pct), 'none (shown without a verdict)');
});

test('stateOf: a value on too few answers is greyed (lowsample), never red; no data stays no data', () => {
  assert.equal(stateOf(20, serviceLevel, true), 'lowsample');
  assert.equal(stateOf(95, serviceLevel, true), 'lowsample');
  assert.equal(stateOf(null, serviceLevel, true), 'nodata');
  assert.equal(STATE_WORDS.lowsample, 'Few answers');
});
