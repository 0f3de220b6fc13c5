import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ackRequest, ackText, alertName, alertValueText, AlertBook, bannerSummary, bannerText, bannerTone, compareActive, comparePending,
  compareRecent, configErrorText, countsText, filterAlerts, formatAt, formatDuration, isClearing, levelText, rememberedName, rememberName,
  scopeShort, secondsSince, ServerClock, thresholdText, tileMark, timelineWords,
  type Alert, type AlertTimelineEntry,
} from '../../src/lib/alerts.ts';
import type { Unit } from '../../src/lib/format.ts';

const T0 = '2026-11-23T09:00:00Z';
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();

function step(kind: AlertTimelineEntry['kind'], seconds: number, extra: Partial<AlertTimelineEntry> = {}): AlertTimelineEntry {
  return { kind, at: at(seconds), severity: 'warning', value: 75, by: null, note: null, ...extra };
}

function alert(overrides: Partial<Alert> = {}): Alert {
  const ruleId = overrides.ruleId ?? 'longest-wait-queues';
  const scope = overrides.scope ?? 'queue:sales';
  return {
    id: `${ruleId}|${scope}|1795424400`,
    ruleId,
    scope,
    kpi: 'longestWait',
    kpiLabel: 'Longest waiting now',
    window: 'now',
    phase: 'firing',
    severity: 'warning',
    value: 75,
    breachedSince: at(0),
    firedAt: at(15),
    resolvedAt: null,
    acknowledged: null,
    timeline: [step('fired', 15)],
    ...overrides,
  };
}

const UNITS: Record<string, Unit> = { longestWait: 'seconds', serviceLevel: 'percent', abandonRate: 'percent', csat: 'percent', backlog: 'count' };
const unitOf = (kpi: string): Unit => UNITS[kpi] ?? 'count';

test('scopeShort and alertName say what an alert is about as people say it', () => {
  assert.equal(scopeShort('queue:sales'), 'Sales');
  assert.equal(scopeShort('queue:web-chat'), 'Web chat');
  assert.equal(scopeShort('all'), 'All queues');
  assert.equal(scopeShort('team:alpha'), 'Alpha team');
  assert.equal(scopeShort('channel:sms'), 'SMS channel');
  assert.equal(alertName({ scope: 'queue:sales', kpiLabel: 'Service level' }), 'Sales service level');
  assert.equal(alertName({ scope: 'all', kpiLabel: 'Abandon rate' }), 'All queues abandon rate');
  assert.equal(alertName({ scope: 'team:alpha', kpiLabel: 'Occupancy' }), 'Alpha team occupancy');
  assert.equal(alertName({ scope: 'all', kpiLabel: 'CSAT' }), 'All queues CSAT');
  assert.equal(alertName({ scope: 'all', kpiLabel: 'NPS' }), 'All queues NPS');
});

test('values and levels are written in the KPI unit, one side or a band', () => {
  assert.equal(alertValueText(77, 'seconds'), '1:17');
  assert.equal(alertValueText(62, 'percent'), '62.0 %');
  assert.equal(alertValueText(12, 'count'), '12');
  assert.equal(alertValueText(null, 'percent'), 'no value');
  assert.equal(levelText({ above: 60, below: null }, 'seconds'), 'above 1:00');
  assert.equal(levelText({ above: null, below: 80 }, 'percent'), 'below 80 %');
  assert.equal(levelText({ above: 90, below: 70 }, 'percent'), 'outside 70 % – 90 %');
  assert.equal(levelText({ above: null, below: null }, 'percent'), null);
  assert.equal(levelText(null, 'percent'), null);
  const thresholds = { warning: { above: 60, below: null }, critical: { above: 120, below: null } };
  assert.equal(thresholdText(thresholds, 'warning', 'seconds'), 'warning above 1:00');
  assert.equal(thresholdText(thresholds, 'critical', 'seconds'), 'critical above 2:00');
  assert.equal(thresholdText({ warning: { above: 8, below: null }, critical: null }, 'critical', 'percent'), null);
  assert.equal(thresholdText(null, 'warning', 'percent'), null);
});

test('formatDuration ticks as m:ss, h:mm:ss from an hour, days from a day; secondsSince floors', () => {
  assert.equal(formatDuration(0), '0:00');
  assert.equal(formatDuration(45.9), '0:45');
  assert.equal(formatDuration(725), '12:05');
  assert.equal(formatDuration(3725), '1:02:05');
  assert.equal(formatDuration(86_400), '1 d');
  assert.equal(formatDuration(2 * 86_400 + 3 * 3600 + 59), '2 d 3 h');
  assert.equal(formatDuration(-5), '0:00');
  assert.equal(secondsSince(at(15), Date.parse(at(207)) + 999), 192);
  assert.equal(secondsSince(at(15), Date.parse(at(10))), 0);
  assert.equal(secondsSince(null, Date.parse(at(10))), null);
});

test('active alerts: critical first, then not acknowledged, then the longest firing', () => {
  const ack = { by: 'Maria', at: at(30), note: null };
  const warningOld = alert({ id: 'w-old', severity: 'warning', firedAt: at(10) });
  const warningNew = alert({ id: 'w-new', severity: 'warning', firedAt: at(100) });
  const warningAcked = alert({ id: 'w-ack', severity: 'warning', firedAt: at(5), acknowledged: ack });
  const critical = alert({ id: 'c', severity: 'critical', firedAt: at(200) });
  const criticalAcked = alert({ id: 'c-ack', severity: 'critical', firedAt: at(1), acknowledged: ack });
  const sorted = [warningNew, criticalAcked, warningAcked, warningOld, critical].sort(compareActive).map((a) => a.id);
  assert.deepEqual(sorted, ['c', 'c-ack', 'w-old', 'w-new', 'w-ack']);
});

test('pending: most severe, then breached longest; recent: latest resolution first', () => {
  const pending = [
    alert({ id: 'p1', phase: 'pending', firedAt: null, breachedSince: at(50) }),
    alert({ id: 'p2', phase: 'pending', firedAt: null, breachedSince: at(20) }),
    alert({ id: 'p3', phase: 'pending', firedAt: null, breachedSince: at(90), severity: 'critical' }),
  ].sort(comparePending).map((a) => a.id);
  assert.deepEqual(pending, ['p3', 'p2', 'p1']);
  const recent = [
    alert({ id: 'r1', phase: 'resolved', resolvedAt: at(300) }),
    alert({ id: 'r2', phase: 'resolved', resolvedAt: at(900) }),
    alert({ id: 'r3', phase: 'resolved', resolvedAt: at(600) }),
  ].sort(compareRecent).map((a) => a.id);
  assert.deepEqual(recent, ['r2', 'r3', 'r1']);
});

test('filters: severity, and every word of the text in the scope, its name, the KPI or the rule', () => {
  const alerts = [
    alert({ id: 'a', scope: 'queue:sales', severity: 'critical' }),
    alert({ id: 'b', scope: 'queue:support', severity: 'warning' }),
    alert({ id: 'c', scope: 'all', ruleId: 'service-level-all', kpi: 'serviceLevel', kpiLabel: 'Service level', severity: 'warning' }),
    alert({ id: 'd', scope: 'team:alpha', ruleId: 'occupancy-teams', kpi: 'occupancy', kpiLabel: 'Occupancy', severity: 'critical' }),
  ];
  const ids = (list: Alert[]) => list.map((a) => a.id);
  assert.deepEqual(ids(filterAlerts(alerts, { severity: 'all', text: '' })), ['a', 'b', 'c', 'd']);
  assert.deepEqual(ids(filterAlerts(alerts, { severity: 'critical', text: '' })), ['a', 'd']);
  assert.deepEqual(ids(filterAlerts(alerts, { severity: 'warning', text: '' })), ['b', 'c']);
  assert.deepEqual(ids(filterAlerts(alerts, { severity: 'all', text: 'SALES' })), ['a']);
  assert.deepEqual(ids(filterAlerts(alerts, { severity: 'all', text: 'queue:' })), ['a', 'b']);
  assert.deepEqual(ids(filterAlerts(alerts, { severity: 'all', text: 'alpha team' })), ['d']);
  assert.deepEqual(ids(filterAlerts(alerts, { severity: 'all', text: '  all   service ' })), ['c']);
  assert.deepEqual(ids(filterAlerts(alerts, { severity: 'all', text: 'longest support' })), ['b']);
  assert.deepEqual(ids(filterAlerts(alerts, { severity: 'critical', text: 'support' })), []);
});

test('the board banner: counts by severity, the most severe few by name, and who acknowledged', () => {
  const ack = { by: 'Maria', at: at(30), note: 'on it' };
  const active = [
    alert({ id: 'w1', scope: 'queue:support', firedAt: at(40), value: 95 }),
    alert({ id: 'w2', scope: 'queue:billing', firedAt: at(20), value: 70, acknowledged: ack }),
    alert({ id: 'c1', scope: 'queue:sales', kpi: 'serviceLevel', kpiLabel: 'Service level', window: '15m', severity: 'critical', value: 62 }),
    alert({ id: 'w3', scope: 'queue:returns', firedAt: at(60), value: 61 }),
    alert({ id: 'old', phase: 'resolved', resolvedAt: at(10) }),
  ];
  const summary = bannerSummary(active);
  assert.equal(summary.critical, 1);
  assert.equal(summary.warning, 3);
  assert.equal(summary.acknowledged, 1);
  assert.equal(summary.openCritical, 1);
  assert.deepEqual(summary.shown.map((a) => a.id), ['c1', 'w1', 'w3']);
  assert.equal(summary.more, 1);
  assert.equal(bannerTone(summary), 'critical');
  assert.equal(bannerText(summary, unitOf), '✖ 1 critical · ▲ 3 warnings: Sales service level 62.0 %, Support longest waiting now 1:35, Returns longest waiting now 1:01, and 1 more');
  assert.equal(countsText(0, 1), '▲ 1 warning');
  assert.equal(countsText(2, 0), '✖ 2 critical');
  assert.equal(countsText(0, 0), '');

  const acked = bannerSummary([alert({ id: 'w2', acknowledged: ack, value: 70 })]);
  assert.equal(bannerTone(acked), 'acked');
  assert.equal(bannerText(acked, unitOf), '▲ 1 warning: Sales longest waiting now 1:10 (✓ ack by Maria)');
  assert.equal(ackText(ack), '✓ ack by Maria');
  assert.equal(bannerTone(bannerSummary([alert({ id: 'w' }), alert({ id: 'c', severity: 'critical', acknowledged: ack })])), 'warning');
  // Among equals, the alerts on the board's own tiles are named first.
  const onBoard = bannerSummary(active, 3, (a) => a.id === 'w3');
  assert.deepEqual(onBoard.shown.map((a) => a.id), ['c1', 'w3', 'w1']);
  const none = bannerSummary([]);
  assert.deepEqual([none.critical, none.warning, none.shown.length, none.more], [0, 0, 0, 0]);
  assert.equal(bannerText(none, unitOf), '');
});

test('a tile with an active alert shows a bell: Alert, Acked, Clearing or No data', () => {
  assert.deepEqual(tileMark(alert()), { severity: 'warning', word: 'Alert', acknowledged: false, description: 'Warning alert firing, not acknowledged' });
  assert.deepEqual(tileMark(alert({ severity: 'critical', acknowledged: { by: 'Maria', at: at(30), note: null } })),
    { severity: 'critical', word: 'Acked', acknowledged: true, description: 'Critical alert firing, acknowledged by Maria' });
  const clearing = alert({ timeline: [step('fired', 15), step('clearing', 80)] });
  assert.equal(isClearing(clearing), true);
  assert.equal(tileMark(clearing).word, 'Clearing');
  assert.equal(tileMark(alert({ phase: 'noData', timeline: [step('fired', 15), step('noData', 80)] })).word, 'No data');
});

test('timeline steps in words', () => {
  assert.equal(timelineWords(step('fired', 0)), 'Fired');
  assert.equal(timelineWords(step('escalated', 0)), 'Escalated to critical');
  assert.equal(timelineWords(step('deescalated', 0)), 'Back to warning');
  assert.equal(timelineWords(step('acknowledged', 0, { by: 'Maria', note: 'on it' })), 'Acknowledged by Maria');
  assert.equal(timelineWords(step('rebreached', 0)), 'Breached again');
  assert.equal(timelineWords(step('dataReturned', 0)), 'Data returned');
  assert.equal(timelineWords(step('resolved', 0)), 'Resolved');
});

test('formatAt shows the time alone on the same day in the site zone, else the date too', () => {
  const reference = Date.parse('2026-11-23T15:00:00Z');
  assert.equal(formatAt('2026-11-23T09:01:17Z', 'UTC', reference), '09:01:17');
  assert.equal(formatAt('2026-11-23T09:01:17Z', 'Europe/Berlin', reference), '10:01:17');
  assert.equal(formatAt('2026-11-20T09:01:17Z', 'UTC', reference), 'Fri 20 Nov, 09:01');
  // 23:30 UTC on the 22nd is already the 23rd in Berlin: the same day there.
  assert.equal(formatAt('2026-11-22T23:30:00Z', 'Europe/Berlin', reference), '00:30:00');
  assert.equal(formatAt(null, 'UTC', reference), '');
  assert.equal(formatAt('2026-11-23T09:01:17Z', 'Not/AZone', reference), '09:01:17');
});

test('ServerClock measures on the server clock and never runs backwards', () => {
  const clock = new ServerClock();
  assert.equal(clock.now(1_000), 1_000);
  clock.observe('2026-11-23T09:00:00Z', 1_000);
  assert.equal(clock.now(6_000), Date.parse('2026-11-23T09:00:05Z'));
  // An older server time (an event clock standing still, a push from before) does not pull it back.
  clock.observe('2026-11-23T09:00:00Z', 6_000);
  assert.equal(clock.now(6_000), Date.parse('2026-11-23T09:00:05Z'));
  // A later one (an event clock running fast) moves it forward.
  clock.observe('2026-11-23T09:01:00Z', 7_000);
  assert.equal(clock.now(7_000), Date.parse('2026-11-23T09:01:00Z'));
  clock.observe('not a date', 8_000);
  assert.equal(clock.now(8_000), Date.parse('2026-11-23T09:01:01Z'));
});

test('AlertBook: a load, then pushes move alerts between pending, active and recent', () => {
  const book = new AlertBook();
  assert.equal(book.isLoaded, false);
  const pending = alert({ id: 'longest-wait-queues|queue:sales|pending', phase: 'pending', firedAt: null, timeline: [] });
  const other = alert({ id: 'sl|queue:sales|1', ruleId: 'service-level-queues', kpi: 'serviceLevel', kpiLabel: 'Service level', window: '15m', severity: 'critical' });
  book.load({ asOf: at(10), active: [other], pending: [pending], recent: [] });
  assert.equal(book.isLoaded, true);
  assert.deepEqual(book.pendingAlerts().map((a) => a.id), [pending.id]);

  const fired = alert({ id: 'longest-wait-queues|queue:sales|1795424415' });
  assert.equal(book.apply({ change: 'fired', alert: fired }), true);
  assert.deepEqual(book.pendingAlerts(), []);
  assert.deepEqual(book.activeAlerts().map((a) => a.id), [other.id, fired.id]);
  assert.equal(book.forTile('longestWait', 'queue:sales', 'now')?.id, fired.id);
  assert.equal(book.forTile('longestWait', 'queue:sales', '15m'), null);
  assert.equal(book.forTile('longestWait', 'queue:support', 'now'), null);

  const acked = { ...fired, acknowledged: { by: 'Maria', at: at(20), note: 'on it' }, timeline: [...fired.timeline, step('acknowledged', 20, { by: 'Maria', note: 'on it' })] };
  assert.equal(book.apply({ change: 'acknowledged', alert: acked }), true);
  assert.equal(book.get(fired.id)?.acknowledged?.by, 'Maria');
  // A push older than what is held (it crossed a fresher load or answer) changes nothing.
  assert.equal(book.apply({ change: 'fired', alert: fired }), false);
  assert.equal(book.get(fired.id)?.acknowledged?.by, 'Maria');

  const resolved = { ...acked, phase: 'resolved' as const, resolvedAt: at(300), timeline: [...acked.timeline, step('clearing', 180), step('resolved', 300)] };
  book.apply({ change: 'resolved', alert: resolved });
  assert.deepEqual(book.activeAlerts().map((a) => a.id), [other.id]);
  assert.deepEqual(book.recentAlerts().map((a) => a.id), [fired.id]);
  assert.equal(book.forTile('longestWait', 'queue:sales', 'now'), null);
});

test('AlertBook: a load keeps pushes newer than the list it brings, and drops what it no longer lists', () => {
  const book = new AlertBook();
  const fired = alert({ id: 'x|queue:sales|1' });
  const gone = alert({ id: 'y|queue:sales|1', ruleId: 'y' });
  book.load({ asOf: at(10), active: [fired, gone], pending: [], recent: [] });
  const acked = { ...fired, acknowledged: { by: 'Ana', at: at(20), note: null }, timeline: [...fired.timeline, step('acknowledged', 20, { by: 'Ana' })] };
  book.apply({ change: 'acknowledged', alert: acked });
  // The list was read before the acknowledgement, and the rule of 'gone' was removed meanwhile.
  book.load({ asOf: at(19), active: [fired], pending: [], recent: [] });
  assert.deepEqual(book.activeAlerts().map((a) => [a.id, a.acknowledged?.by ?? null]), [[fired.id, 'Ana']]);
});

test('acknowledging needs a name; the name is remembered', () => {
  assert.deepEqual(ackRequest('  Maria ', '  on it '), { by: 'Maria', note: 'on it' });
  assert.deepEqual(ackRequest('Maria', '   '), { by: 'Maria', note: null });
  assert.deepEqual(ackRequest('  ', 'note'), { error: 'Enter your name: the alert shows who acknowledged it.' });
  assert.deepEqual(ackRequest('x'.repeat(129), ''), { error: 'The name is longer than 128 characters.' });
  assert.deepEqual(ackRequest('Maria', 'x'.repeat(2001)), { error: 'The note is longer than 2000 characters.' });
  const data = new Map<string, string>();
  const storage = { getItem: (key: string) => data.get(key) ?? null, setItem: (key: string, value: string) => void data.set(key, value) };
  assert.equal(rememberedName(storage), '');
  rememberName(storage, ' Maria ');
  assert.equal(rememberedName(storage), 'Maria');
  assert.equal(rememberedName(null), '');
  const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
  assert.equal(rememberedName(broken), '');
  assert.doesNotThrow(() => rememberName(broken, 'Maria'));
});

test('a refused edit of the alert rules gives the console a warning with the reason; none without one', () => {
  assert.equal(
    configErrorText("  Alert rule 'waiting': 'noSuchKpi' is not a KPI of the catalog  "),
    "The last change to the alert rules was refused; the previous rules still apply: Alert rule 'waiting': 'noSuchKpi' is not a KPI of the catalog");
  assert.equal(configErrorText(null), null);
  assert.equal(configErrorText(undefined), null);
  assert.equal(configErrorText('   '), null);
});
