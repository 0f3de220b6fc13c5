// Never a blank or frozen screen: when the server stops, the tiles grey and the banner says so; when
// it comes back on the same address, the board reconnects, subscribes again and is live, without a reload.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { boardEnvironment, events, launchBrowser, openPage, ServerProcess, shot, TestRedis, waitForLiveBoard, type TileSpec } from './support.ts';

const TILES: TileSpec[] = [
  { kpi: 'serviceLevel', scope: 'queue:rc', window: '15m' },
  { kpi: 'contactsWaiting', scope: 'queue:rc', window: 'now' },
  { kpi: 'offered', scope: 'queue:rc', window: 'today' },
];

describe('reconnect', () => {
  let redis: TestRedis;
  let server: ServerProcess;
  let browser: Browser;

  before(async () => {
    redis = await TestRedis.start();
    server = await ServerProcess.start({ redis, env: boardEnvironment([{ id: 'test-reconnect', title: 'Reconnect', tiles: TILES }]) });
    browser = await launchBrowser();
    await server.post([events.queued(0, 'r1', 'rc'), events.answered(5, 'r1', 'x1'), events.queued(8, 'r2', 'rc')]);
  });

  after(async () => {
    await browser?.close();
    await server?.kill();
    await redis?.stop();
  });

  test('stopping the server greys the tiles and shows the banner; restarting it recovers without a reload', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.baseUrl}/board/test-reconnect`);
    await waitForLiveBoard(page, TILES.length);
    await page.evaluate(() => Object.assign(window, { sameDocument: 'yes' }));
    assert.equal(await page.isHidden('[data-testid=banner]'), true);

    await server.stop();
    await page.waitForFunction(() => {
      const banner = document.querySelector<HTMLElement>('[data-testid=banner]');
      const tiles = [...document.querySelectorAll('[data-testid=tile]')];
      return banner && !banner.hidden && banner.getAttribute('data-kind') === 'reconnecting'
        && tiles.length > 0 && tiles.every((tile) => tile.classList.contains('stale') && tile.getAttribute('data-stale') === 'disconnected');
    }, undefined, { timeout: 10_000 });
    assert.match((await page.textContent('[data-testid=banner]')) ?? '', /Reconnecting/);
    await shot(page, 'reconnecting');
    // The last values stay on screen (greyed), never a blank board.
    assert.equal(await page.textContent('[data-testid=tile][data-kpi=contactsWaiting] [data-testid=figure]'), '1');
    const filter = await page.$eval('[data-testid=tile]', (tile) => getComputedStyle(tile).filter);
    assert.match(filter, /grayscale/);

    server = await server.restart();
    await server.post([events.queued(20, 'r3', 'rc')]);
    await page.waitForFunction(() => {
      const banner = document.querySelector<HTMLElement>('[data-testid=banner]');
      const tiles = [...document.querySelectorAll('[data-testid=tile]')];
      return banner?.hidden === true && tiles.every((tile) => !tile.classList.contains('stale'))
        && document.querySelector('[data-testid=tile][data-kpi=contactsWaiting] [data-testid=figure]')?.textContent === '2';
    }, undefined, { timeout: 60_000 });
    assert.equal(await page.evaluate(() => (window as unknown as { sameDocument?: string }).sameDocument), 'yes');
    const api = await server.kpis('queue:rc', 'today');
    assert.equal(await page.getAttribute('[data-testid=tile][data-kpi=offered]', 'data-value'), String(api.values['offered']));
    await context.close();
  });
});
