// The board and the agent view against the real server: values equal the API, a threshold crossing
// shows within a second, the explain panel tells the formula and its parts, and the agent view ticks.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { formatValue, type Unit } from '../../src/lib/format.ts';
import { STATE_WORDS } from '../../src/lib/thresholds.ts';
import { boardEnvironment, events, launchBrowser, openPage, ServerProcess, TestRedis, waitForLiveBoard, type TileSpec } from './support.ts';

const QUEUE = 'wt';
const TILES: TileSpec[] = [
  { kpi: 'serviceLevel', scope: `queue:${QUEUE}`, window: '15m', label: 'Service level' },
  { kpi: 'abandonRate', scope: `queue:${QUEUE}`, window: '15m' },
  { kpi: 'contactsWaiting', scope: `queue:${QUEUE}`, window: 'now', label: 'Waiting' },
  { kpi: 'longestWait', scope: `queue:${QUEUE}`, window: 'now', label: 'Longest wait' },
  { kpi: 'asa', scope: `queue:${QUEUE}`, window: '15m' },
  { kpi: 'offered', scope: `queue:${QUEUE}`, window: 'today' },
  { kpi: 'agentsAvailable', scope: `queue:${QUEUE}`, window: 'now' },
  { kpi: 'aht', scope: 'all', window: '60m' },
  { kpi: 'occupancy', scope: 'team:t1', window: '15m' },
];

describe('board and agent view', () => {
  let redis: TestRedis;
  let server: ServerProcess;
  let browser: Browser;
  let units: Map<string, Unit>;

  before(async () => {
    redis = await TestRedis.start();
    server = await ServerProcess.start({ redis, env: boardEnvironment([{ id: 'test-values', title: 'Test values', tiles: TILES }]) });
    browser = await launchBrowser();
    const catalog = await server.get<{ kpis: Array<{ id: string; unit: Unit }> }>('/api/v1/catalog');
    units = new Map(catalog.kpis.map((kpi) => [kpi.id, kpi.unit]));
    await server.post([
      events.agent(0, 'a1', 'available', [QUEUE], 'Ada Lovelace'),
      events.agent(0, 'a2', 'available', [QUEUE], 'Bob Stone'),
      events.queued(1, 'c1', QUEUE),
      events.answered(11, 'c1', 'a2'),
      events.agent(11, 'a2', 'busy', [QUEUE], 'Bob Stone'),
      events.queued(5, 'c2', QUEUE),
      events.answered(12, 'c2', 'a1'),
      events.queued(30, 'c3', QUEUE),
      events.completed(100, 'c2', 'a1', 60, 10, 18),
    ]);
  });

  after(async () => {
    await browser?.close();
    await server?.kill();
    await redis?.stop();
  });

  test('/ lists the boards from configuration', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.baseUrl}/`);
    await page.waitForSelector('[data-testid=board-link]');
    const links = await page.$$eval('[data-testid=board-link]', (anchors) => anchors.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, ['/board/overview', '/board/queues', '/board/teams', '/board/test-values']);
    await context.close();
  });

  test('after known events every tile shows what GET /api/v1/kpis says', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto(`${server.baseUrl}/board/test-values`);
    await waitForLiveBoard(page, TILES.length);
    const tiles = await readTiles(page);
    for (const tile of TILES) {
      const api = (await server.kpis(tile.scope, tile.window)).values[tile.kpi] ?? null;
      const shown = tiles.find((candidate) => candidate.kpi === tile.kpi && candidate.scope === tile.scope);
      assert.ok(shown, `tile ${tile.kpi}`);
      assert.equal(shown.value, api === null ? '' : String(api), `${tile.kpi} raw value`);
      assert.equal(shown.figure, formatValue(api, units.get(tile.kpi)!).text, `${tile.kpi} figure`);
    }
    // The same numbers written out, to pin the formatting: SL 2/2, 1 waiting since 0:30 at clock 1:40.
    const figure = (kpi: string) => tiles.find((tile) => tile.kpi === kpi)?.figure;
    assert.equal(figure('serviceLevel'), '100');
    assert.equal(figure('contactsWaiting'), '1');
    assert.equal(figure('longestWait'), '1:10');
    assert.equal(figure('asa'), '0:09');
    assert.equal(figure('offered'), '3');
    assert.equal(figure('agentsAvailable'), '1');
    assert.equal(figure('aht'), '1:28');
    const longest = tiles.find((tile) => tile.kpi === 'longestWait')!;
    assert.equal(longest.state, 'warning');
    assert.equal(longest.icon, 'warning');
    assert.equal(longest.word, STATE_WORDS.warning);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('crossing a threshold changes the tile state (class and icon) within a second', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.baseUrl}/board/test-values`);
    await waitForLiveBoard(page, TILES.length);
    const selector = '[data-testid=tile][data-kpi=serviceLevel]';
    assert.equal(await page.getAttribute(selector, 'data-state'), 'ok');
    assert.ok(await page.$(`${selector}.state-ok svg[data-icon=ok]`));

    // Two abandons after 39 s: SL = 2 / (2 + 2) = 50 %, below the critical 70 %.
    await server.post([events.queued(101, 'c4', QUEUE), events.queued(102, 'c5', QUEUE), events.abandoned(140, 'c4'), events.abandoned(141, 'c5')]);
    const accepted = Date.now();
    await page.waitForFunction((sel) => {
      const tile = document.querySelector(sel);
      return tile?.classList.contains('state-critical') && tile.querySelector('svg[data-icon=critical]') !== null
        && tile.querySelector('.badge-word')?.textContent === 'Critical';
    }, selector, { timeout: 1_000, polling: 25 });
    const elapsed = Date.now() - accepted;
    assert.ok(elapsed < 1_000, `state changed after ${elapsed} ms`);
    assert.equal(await page.textContent(`${selector} [data-testid=figure]`), '50.0');
    assert.equal(await page.getAttribute(selector, 'data-state'), 'critical');
    await context.close();
  });

  test('the explain panel shows the formula, numerator and denominator (click, Enter, Escape)', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.baseUrl}/board/test-values`);
    await waitForLiveBoard(page, TILES.length);
    const catalog = await server.get<{ kpis: Array<{ id: string; formula: string }> }>('/api/v1/catalog');
    const formula = catalog.kpis.find((kpi) => kpi.id === 'serviceLevel')!.formula;
    const parts = (await server.kpis(`queue:${QUEUE}`, '15m', true)).explain!.parts['serviceLevel']!;

    await page.click('[data-testid=tile][data-kpi=serviceLevel]');
    await page.waitForSelector('dialog[data-testid=explain][open] [data-testid=explain-formula]');
    assert.equal(await page.textContent('[data-testid=explain-formula]'), formula);
    assert.equal(await page.textContent('[data-testid=explain-numerator]'), String(parts.numerator));
    assert.equal(await page.textContent('[data-testid=explain-denominator]'), String(parts.denominator));
    const text = (await page.textContent('dialog[data-testid=explain]')) ?? '';
    assert.match(text, new RegExp(parts.numeratorCounts));
    assert.match(text, /service-level threshold 20 s/);
    assert.match(text, /short abandon under 5 s/);
    assert.match(text, /last 15 min: a sliding window/);
    assert.match(text, /Last update/);
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog[data-testid=explain]:not([open])', { state: 'attached' });
    // The focus went back to the tile: Enter opens the panel again.
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-kpi')), 'serviceLevel');
    await page.focus('[data-testid=tile][data-kpi=asa]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[data-testid=explain][open] [data-testid=explain-numerator]');
    const asaParts = (await server.kpis(`queue:${QUEUE}`, '15m', true)).explain!.parts['asa']!;
    assert.equal(await page.textContent('[data-testid=explain-denominator]'), String(asaParts.denominator));
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog[data-testid=explain]:not([open])', { state: 'attached' });
    await context.close();
  });

  test('the agent view shows its queue and agents, and the longest wait and times in state tick', async () => {
    const { context, page, errors } = await openPage(browser, 480, 900);
    await page.goto(`${server.baseUrl}/agent?queues=${QUEUE}`);
    const card = `[data-testid=queue][data-queue=${QUEUE}]`;
    await page.waitForFunction((sel) => document.querySelector(`${sel} [data-testid=waiting]`)?.textContent === '1'
      && document.querySelectorAll('[data-testid=agents] [data-agent]').length === 2, card, { timeout: 15_000 });
    const now = (await server.kpis(`queue:${QUEUE}`, 'now')).values;
    const sl = (await server.kpis(`queue:${QUEUE}`, '15m')).values['serviceLevel'] ?? null;
    assert.equal(await page.textContent(`${card} [data-testid=available]`), String(now['agentsAvailable']));
    assert.equal(await page.textContent(`${card} [data-testid=sl]`), `${formatValue(sl, 'percent').text} %`);
    const agents = await page.$$eval('[data-testid=agents] [data-agent]', (rows) => rows.map((row) => ({
      id: row.getAttribute('data-agent'),
      state: row.querySelector('.agent-state')?.textContent,
      name: row.querySelector('.agent-name')?.textContent,
    })));
    assert.deepEqual(agents, [{ id: 'a1', state: 'Available', name: 'Ada Lovelace' }, { id: 'a2', state: 'On contact', name: 'Bob Stone' }]);

    // No events arrive now: the longest wait and the time in state grow on the client, second by second.
    const longest = await page.textContent(`${card} [data-testid=longest]`);
    const inState = await page.textContent('[data-agent=a1] .agent-time');
    await page.waitForFunction(([sel, before, beforeState]) =>
      document.querySelector(`${sel} [data-testid=longest]`)?.textContent !== before
      && document.querySelector('[data-agent=a1] .agent-time')?.textContent !== beforeState, [card, longest, inState] as const, { timeout: 3_000 });
    assert.deepEqual(errors, []);
    await context.close();
  });
});

async function readTiles(page: import('playwright-core').Page) {
  return page.$$eval('[data-testid=tile]', (tiles) => tiles.map((tile) => ({
    kpi: tile.getAttribute('data-kpi'),
    scope: tile.getAttribute('data-scope'),
    value: tile.getAttribute('data-value'),
    state: tile.getAttribute('data-state'),
    figure: tile.querySelector('[data-testid=figure]')?.textContent,
    icon: tile.querySelector('svg[data-icon]')?.getAttribute('data-icon'),
    word: tile.querySelector('.badge-word')?.textContent,
  })));
}
