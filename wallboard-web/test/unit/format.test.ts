import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatAge, formatCount, formatInline, formatPercent, formatSeconds, formatSettingSeconds, formatThreshold, formatValue, NO_DATA,
} from '../../src/lib/format.ts';

test('formatPercent keeps one decimal and never rounds a breach away', () => {
  assert.equal(formatPercent(87.26), '87.3');
  assert.equal(formatPercent(79.94), '79.9');
  assert.equal(formatPercent(66.666666), '66.7');
  assert.equal(formatPercent(0), '0.0');
  assert.equal(formatPercent(5), '5.0');
  assert.equal(formatPercent(100), '100');
  assert.equal(formatPercent(99.96), '100');
});

test('formatSeconds writes m:ss, and h:mm:ss from an hour on', () => {
  assert.equal(formatSeconds(0), '0:00');
  assert.equal(formatSeconds(7), '0:07');
  assert.equal(formatSeconds(75), '1:15');
  assert.equal(formatSeconds(59.6), '1:00');
  assert.equal(formatSeconds(600), '10:00');
  assert.equal(formatSeconds(3725), '1:02:05');
  assert.equal(formatSeconds(-3), '0:00');
});

test('formatCount uses thousands separators and shortens millions', () => {
  assert.equal(formatCount(0), '0');
  assert.equal(formatCount(7), '7');
  assert.equal(formatCount(1234), '1,234');
  assert.equal(formatCount(98765.4), '98,765');
  assert.equal(formatCount(1_500_000), '1.5M');
});

test('formatValue splits figure and unit per catalog unit; null is a dash without unit', () => {
  assert.deepEqual(formatValue(87.26, 'percent'), { text: '87.3', unit: '%' });
  assert.deepEqual(formatValue(75, 'seconds'), { text: '1:15', unit: 'min' });
  assert.deepEqual(formatValue(1234, 'count'), { text: '1,234', unit: '' });
  assert.deepEqual(formatValue(null, 'percent'), { text: NO_DATA, unit: '' });
  assert.deepEqual(formatValue(undefined, 'seconds'), { text: NO_DATA, unit: '' });
  assert.deepEqual(formatValue(Number.NaN, 'count'), { text: NO_DATA, unit: '' });
});

test('formatInline and formatThreshold read naturally in sentences', () => {
  assert.equal(formatInline(87.26, 'percent'), '87.3 %');
  assert.equal(formatInline(null, 'percent'), 'no data');
  assert.equal(formatInline(61, 'seconds'), '1:01');
  assert.equal(formatThreshold(80, 'percent'), '80 %');
  assert.equal(formatThreshold(7.5, 'percent'), '7.5 %');
  assert.equal(formatThreshold(120, 'seconds'), '2:00');
  assert.equal(formatThreshold(5, 'count'), '5');
});

test('formatAge says live while fresh, then seconds, minutes, hours', () => {
  assert.equal(formatAge(0), 'live');
  assert.equal(formatAge(4_999), 'live');
  assert.equal(formatAge(5_000), '5 s');
  assert.equal(formatAge(59_999), '59 s');
  assert.equal(formatAge(60_000), '1 min');
  assert.equal(formatAge(3 * 3_600_000 + 5), '3 h');
  assert.equal(formatAge(2_000, 0), '2 s');
});

test('formatSettingSeconds picks the largest whole unit', () => {
  assert.equal(formatSettingSeconds(20), '20 s');
  assert.equal(formatSettingSeconds(300), '5 min');
  assert.equal(formatSettingSeconds(86_400), '24 h');
  assert.equal(formatSettingSeconds(90), '90 s');
});

test('outside figures (not in the catalog) keep up to two decimals', () => {
  assert.deepEqual(formatValue(2.345, 'number'), { text: '2.35', unit: '' });
  assert.deepEqual(formatValue(1234.5, 'number'), { text: '1,234.5', unit: '' });
  assert.equal(formatThreshold(0.5, 'number'), '0.5');
});
