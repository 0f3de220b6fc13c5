// Alerts against the real server (default rules, evaluated every 200 ms on the event clock): a queue's
// longest wait held above 60 s for more than 15 s fires; the board shows the alert strip and the tile's
// bell; acknowledging in the console (/alerts) turns the board's strip to "✓ ack by …" without a reload;
// the console shows the timeline, filters, and remembers the name; recovery moves the alert to the
// resolved list and hides the strip.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { boardEnvironment, launchBrowser, openPage, ServerProcess, shot, TestRedis, until, waitForLiveBoard, type TileSpec } from './support.ts';

const QUEUE = 'alarm-desk';
const SCOPE = `queue:${QUEUE}`;
const RULE = 'longest-wait-queues';
const TILES: TileSpec[] = [
  { kpi: 'longestWait', scope: SCOPE, window: 'now', label: 'Longest wait' },
  { kpi: 'contactsWaiting', scope: SCOPE, window: 'now', label: 'Waiting' },
  { kpi: 'serviceLevel', scope: SCOPE, window: '15m', label: 'Service level' },
];

// Event times ten days back, as in a replay: the resolved list covers 7 days of the engine's clock (the
// alerts' own times), not of the wall clock. At 09:00 UTC (the site's zone), so the test's few minutes
// stay on one day.
const BASE = Math.floor((Date.now() - 10 * 86_400_000) / 86_400_000) * 86_400_000 + 9 * 3_600_000;
const ts = (seconds: number) => new Date(BASE + seconds * 1000).toISOString();
const id = () => `al-${randomUUID().slice(0, 12)}`;
const ev = {
  queued: (at: number, contactId: string) => ({ id: id(), type: 'contact.queued', ts: ts(at), contactId, queue: QUEUE, channel: 'voice' }),
  answered: (at: number, contactId: string) => ({ id: id(), type: 'contact.answered', ts: ts(at), contactId, agentId: 'al-agent' }),
  /** An outside figure no rule watches: it only moves the event clock on. */
  tick: (at: number) => ({ id: id(), type: 'metric.recorded', ts: ts(at), name: 'alerts_test_tick', value: at }),
};

interface AlertJson {
  id: string;
  ruleId: string;
  scope: string;
  phase: string;
  severity: string;
  acknowledged: { by: string; note: string | null } | null;
  timeline: Array<{ kind: string }>;
}

interface AlertsJson {
  asOf: string;
  active: AlertJson[];
  pending: AlertJson[];
  recent: AlertJson[];
}

describe('alerts on the board and in the console', () => {
  let redis: TestRedis;
  let server: ServerProcess;
  let browser: Browser;
  let boardContext: BrowserContext;
  let board: Page;
  let boardErrors: string[];
  let consoleContext: BrowserContext;
  let leads: Page;
  let consoleErrors: string[];
  let alertId = '';

  const ours = (alerts: AlertJson[]) => alerts.find((alert) => alert.ruleId === RULE && alert.scope === SCOPE);
  const tile = '[data-testid=tile][data-kpi=longestWait]';
  const row = () => `[data-testid=active-list] [data-testid=alert-row][data-alert-id="${alertId}"]`;

  before(async () => {
    redis = await TestRedis.start();
    server = await ServerProcess.start({
      redis,
      env: { ...boardEnvironment([{ id: 'test-alerts', title: 'Alerts test', tiles: TILES }]), Alerts__EvaluationInterval: '00:00:00.200', Alerts__UseDefaultRules: 'true' },
    });
    browser = await launchBrowser();
    ({ context: boardContext, page: board, errors: boardErrors } = await openPage(browser));
    ({ context: consoleContext, page: leads, errors: consoleErrors } = await openPage(browser));
  });

  after(async () => {
    await browser?.close();
    await server?.kill();
    await redis?.stop();
  });

  test('a longest wait held above 60 s for more than 15 s shows the alert strip and the tile’s bell', async () => {
    await server.post([ev.queued(0, 'al-long')]);
    await board.goto(`${server.baseUrl}/board/test-alerts`);
    await waitForLiveBoard(board, TILES.length);
    assert.equal(await board.isHidden('[data-testid=alert-banner]'), true, 'no strip without alerts');
    assert.equal(await board.getAttribute(tile, 'data-alert'), '');

    // 61 s waiting: a breach, pending until it has lasted 15 s.
    await server.post([ev.tick(61)]);
    const pending = await until('the breach to be pending', async () => ours((await server.get<AlertsJson>('/api/v1/alerts')).pending), 10_000);
    assert.equal(pending.phase, 'pending');
    assert.equal(await board.isHidden('[data-testid=alert-banner]'), true, 'a pending breach is not on the board');

    // 77 s: held for 16 s, it fires.
    await server.post([ev.tick(77)]);
    const fired = await until('the alert to fire', async () => ours((await server.get<AlertsJson>('/api/v1/alerts')).active), 10_000);
    alertId = fired.id;
    assert.equal(fired.severity, 'warning');
    assert.deepEqual(fired.timeline.map((step) => step.kind), ['fired']);

    await board.waitForFunction((alert) => {
      const strip = document.querySelector('[data-testid=alert-banner]');
      return strip instanceof HTMLElement && !strip.hidden && strip.querySelector(`[data-alert-id="${alert}"]`) !== null;
    }, alertId, { timeout: 10_000 });
    // The queue's rule and the whole centre's rule both fire: two warnings, no critical.
    assert.equal(await board.getAttribute('[data-testid=alert-banner]', 'data-warning'), '2');
    assert.equal(await board.getAttribute('[data-testid=alert-banner]', 'data-critical'), '0');
    assert.equal(await board.getAttribute('[data-testid=alert-banner]', 'data-tone'), 'warning');
    assert.equal(await board.textContent('[data-testid=alert-count-warning]'), '2 warnings');
    const item = `[data-testid=alert-item][data-alert-id="${alertId}"]`;
    assert.equal(await board.textContent(`${item} .alert-item-name`), 'Alarm desk longest waiting now');
    assert.equal(await board.textContent(`${item} .alert-item-value`), '1:17');
    assert.equal(await board.getAttribute(item, 'data-acknowledged'), 'false');

    // The tile of that KPI, scope and window wears the bell, in the alert's severity, as its own state says.
    await board.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-alert') === 'warning', tile, { timeout: 5_000 });
    assert.equal(await board.getAttribute(tile, 'data-state'), 'warning');
    assert.equal(await board.textContent(`${tile} [data-testid=tile-alert]`), 'Alert');
    assert.match((await board.getAttribute(tile, 'aria-label')) ?? '', /Warning alert firing, not acknowledged/);
    assert.equal(await board.getAttribute('[data-testid=tile][data-kpi=contactsWaiting]', 'data-alert'), '');
    await shot(board, 'alerts-board-fired');
  });

  test('acknowledging in the console turns the board’s strip to acknowledged, without a reload', async () => {
    assert.ok(alertId, 'the alert fired in the test before');
    await board.evaluate(() => Object.assign(window, { sameDocument: true }));
    await leads.goto(`${server.baseUrl}/alerts`);
    await leads.waitForSelector(row());
    assert.equal(await leads.textContent(`${row()} [data-testid=alert-name]`), 'Alarm desk longest waiting now');
    assert.equal(await leads.textContent(`${row()} [data-testid=alert-value]`), '1:17');
    assert.equal(await leads.textContent(`${row()} [data-testid=alert-threshold]`), 'vs warning above 1:00');
    assert.equal(await leads.textContent(`${row()} [data-testid=alert-severity]`), 'Warning');
    assert.match((await leads.textContent(`${row()} [data-testid=alert-for]`)) ?? '', /^Firing for \d+:\d\d$/);
    assert.equal(await leads.textContent('[data-testid=active-count]'), '2');

    await leads.click(`${row()} [data-testid=ack-open]`);
    // The form opens with the focus in it (no name remembered yet: on the name).
    assert.equal(await leads.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'ack-name');
    await leads.fill(`${row()} [data-testid=ack-name]`, 'Maria');
    await leads.fill(`${row()} [data-testid=ack-note]`, 'calling in two agents');
    await leads.click(`${row()} [data-testid=ack-submit]`);
    await leads.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-acknowledged') === 'true', row(), { timeout: 5_000 });
    assert.match((await leads.textContent(`${row()} [data-testid=alert-ack]`)) ?? '', /Acknowledged by Maria at \d\d:\d\d:\d\d: calling in two agents$/);
    assert.equal(await leads.isHidden(`${row()} [data-testid=ack-open]`), true);

    const item = `[data-testid=alert-item][data-alert-id="${alertId}"]`;
    await board.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-acknowledged') === 'true', item, { timeout: 5_000 });
    assert.equal(await board.textContent(`${item} [data-testid=alert-ack]`), '✓ ack by Maria');
    assert.equal(await board.textContent(`${tile} [data-testid=tile-alert]`), 'Acked');
    assert.match((await board.getAttribute(tile, 'aria-label')) ?? '', /Warning alert firing, acknowledged by Maria/);
    // The other alert is not acknowledged, so the strip stays amber.
    assert.equal(await board.getAttribute('[data-testid=alert-banner]', 'data-tone'), 'warning');
    assert.equal(await board.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument), true, 'the board did not reload');

    const stored = ours((await server.get<AlertsJson>('/api/v1/alerts')).active);
    assert.deepEqual(stored?.acknowledged && { by: stored.acknowledged.by, note: stored.acknowledged.note }, { by: 'Maria', note: 'calling in two agents' });
    await shot(board, 'alerts-board-acked');
  });

  test('the console shows the timeline, filters by severity and scope, and remembers the name', async () => {
    assert.ok(alertId, 'the alert fired in the test before');
    // The timeline opens with the keyboard (it is a button), and lists fired then acknowledged.
    await leads.focus(`${row()} [data-testid=timeline-toggle]`);
    await leads.keyboard.press('Enter');
    await leads.waitForSelector(`${row()} [data-testid=timeline]:not([hidden])`);
    assert.equal(await leads.getAttribute(`${row()} [data-testid=timeline-toggle]`, 'aria-expanded'), 'true');
    const steps = await leads.$$eval(`${row()} [data-testid=timeline-step]`, (items) => items.map((item) => [item.getAttribute('data-kind'), item.querySelector('.step-what')?.textContent]));
    assert.deepEqual(steps, [['fired', 'Fired'], ['acknowledged', 'Acknowledged by Maria']]);

    // The name is remembered: acknowledging the other alert starts with it, and the focus on the note.
    const other = '[data-testid=active-list] [data-testid=alert-row][data-acknowledged=false]';
    await leads.click(`${other} [data-testid=ack-open]`);
    assert.equal(await leads.inputValue(`${other} [data-testid=ack-name]`), 'Maria');
    assert.equal(await leads.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'ack-note');
    await leads.keyboard.press('Escape');
    assert.equal(await leads.isHidden(`${other} [data-testid=ack-form]`), true);
    assert.equal(await leads.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'ack-open');

    const activeIds = () => leads.$$eval('[data-testid=active-list] [data-testid=alert-row]', (rows) => rows.map((r) => r.getAttribute('data-alert-id')));
    await leads.keyboard.press('Escape');
    await leads.keyboard.press('/');
    assert.equal(await leads.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'filter-text');
    await leads.keyboard.type('alarm');
    await leads.waitForFunction(() => document.querySelectorAll('[data-testid=active-list] [data-testid=alert-row]').length === 1);
    assert.deepEqual(await activeIds(), [alertId]);
    assert.match(leads.url(), /\?q=alarm$/);
    await leads.check('[data-testid=filter-critical]');
    await leads.waitForFunction(() => document.querySelectorAll('[data-testid=active-list] [data-testid=alert-row]').length === 0);
    assert.equal(await leads.textContent('.section-active .section-empty'), 'No active alerts matching the filter (2 hidden).');
    await leads.check('[data-testid=filter-all]');
    await leads.fill('[data-testid=filter-text]', '');
    await leads.waitForFunction(() => document.querySelectorAll('[data-testid=active-list] [data-testid=alert-row]').length === 2);
    // What was open stays open across filters.
    assert.equal(await leads.isVisible(`${row()} [data-testid=timeline]`), true);
    await shot(leads, 'alerts-console');
    assert.deepEqual(consoleErrors, []);
  });

  test('recovery resolves the alert: the strip hides, the bell goes, the console lists it as resolved', async () => {
    assert.ok(alertId, 'the alert fired in the test before');
    // Ten quick answers keep the service level on target; the long wait is answered: nobody waits, clearing.
    const quick = Array.from({ length: 10 }, (_, i) => [ev.queued(80 + i, `al-q${i}`), ev.answered(82 + i, `al-q${i}`)]).flat();
    await server.post([...quick, ev.answered(92, 'al-long')]);
    await until('the alert to be clearing', async () => ours((await server.get<AlertsJson>('/api/v1/alerts')).active)?.timeline.at(-1)?.kind === 'clearing', 10_000);
    await board.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-alert-word') === 'Clearing', tile, { timeout: 5_000 });

    // Cleared for the rule's 120 s: resolved.
    await server.post([ev.tick(213)]);
    await until('the alert to resolve', async () => ours((await server.get<AlertsJson>('/api/v1/alerts')).recent)?.phase === 'resolved', 10_000);
    await board.waitForFunction(() => (document.querySelector('[data-testid=alert-banner]') as HTMLElement | null)?.hidden === true, undefined, { timeout: 5_000 });
    assert.equal(await board.getAttribute(tile, 'data-alert'), '');
    assert.equal(await board.$(`${tile} [data-testid=tile-alert]`), null);

    const resolved = `[data-testid=recent-list] [data-testid=alert-row][data-alert-id="${alertId}"]`;
    await leads.waitForSelector(resolved, { timeout: 5_000 });
    assert.equal(await leads.$(row()), null);
    assert.equal(await leads.textContent(`${resolved} [data-testid=alert-for]`), 'Lasted 2:16');
    await leads.click(`${resolved} [data-testid=timeline-toggle]`);
    const steps = await leads.$$eval(`${resolved} [data-testid=timeline-step]`, (items) => items.map((item) => item.getAttribute('data-kind')));
    assert.deepEqual(steps, ['fired', 'acknowledged', 'clearing', 'resolved']);
    assert.equal(await leads.textContent('[data-testid=active-count]'), '0');
    assert.deepEqual(boardErrors, []);
    assert.deepEqual(consoleErrors, []);
    await boardContext.close();
    await consoleContext.close();
  });
});
