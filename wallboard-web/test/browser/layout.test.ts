// Fits any TV: boards of 1, 12 and 40 tiles at 1920×1080 and 3840×2160 fill the screen with no
// scrollbar, every tile inside the viewport and nothing inside a tile cut off; ?rotate= cycles boards.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { boardEnvironment, events, launchBrowser, openPage, ServerProcess, shot, TestRedis, waitForLiveBoard, type TileSpec } from './support.ts';

// KPI × window pairs the catalog allows, cycled over scopes to make boards of any size.
const PAIRS: Array<[string, string]> = [
  ['serviceLevel', '15m'], ['abandonRate', '15m'], ['contactsWaiting', 'now'], ['longestWait', 'now'], ['asa', '15m'],
  ['agentsAvailable', 'now'], ['occupancy', '15m'], ['answered', 'today'], ['offered', 'today'], ['aht', '60m'],
  ['fcr', 'today'], ['maxWait', '60m'], ['transferRate', '30m'], ['answerRate', '5m'], ['avgTalk', '60m'],
  ['shortAbandoned', 'today'], ['agentsBusy', 'now'], ['avgHold', '60m'], ['handled', 'today'], ['repeatContactRate', '60m'],
];
const SCOPES = ['all', 'queue:lay-sales', 'queue:lay-first-contact-support'];

function tiles(count: number): TileSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const [kpi, window] = PAIRS[i % PAIRS.length]!;
    const scope = SCOPES[Math.floor(i / PAIRS.length) % SCOPES.length]!;
    return { kpi, scope, window, label: i % 7 === 3 ? 'First contact resolution rate (all channels)' : undefined };
  });
}

const BOARDS = [
  { id: 'one', title: 'One tile', tiles: tiles(1) },
  { id: 'twelve', title: 'Twelve tiles', tiles: tiles(12) },
  { id: 'forty', title: 'Forty tiles, the most a wall should carry', tiles: tiles(40) },
];
const SIZES: Array<[number, number]> = [[1920, 1080], [3840, 2160]];

describe('layout', () => {
  let redis: TestRedis;
  let server: ServerProcess;
  let browser: Browser;

  before(async () => {
    redis = await TestRedis.start();
    server = await ServerProcess.start({ redis, env: boardEnvironment(BOARDS) });
    browser = await launchBrowser();
    const batch: object[] = [events.agent(0, 'l1', 'available', ['lay-sales'], 'Lena Long-Name-Example'), events.agent(0, 'l2', 'busy', ['lay-sales'], 'Ola')];
    // Enough traffic for big numbers, a critical service level, and a long wait still open.
    for (let i = 0; i < 60; i++) {
      const queue = i % 2 === 0 ? 'lay-sales' : 'lay-first-contact-support';
      batch.push(events.queued(i * 30, `lay-${i}`, queue));
      batch.push(i % 3 === 0 ? events.abandoned(i * 30 + 45, `lay-${i}`) : events.answered(i * 30 + 25, `lay-${i}`, 'l2'));
      if (i % 3 !== 0) {
        batch.push(events.completed(i * 30 + 400, `lay-${i}`, 'l2', 3000 + i, 40, 30));
      }
    }
    batch.push(events.queued(1000, 'lay-waiting', 'lay-sales'));
    // In time order: on the event clock an event more than the lateness behind the newest is late.
    batch.sort((a, b) => String((a as { ts: string }).ts).localeCompare(String((b as { ts: string }).ts)));
    await server.post(batch);
  });

  after(async () => {
    await browser?.close();
    await server?.kill();
    await redis?.stop();
  });

  for (const [width, height] of SIZES) {
    for (const board of BOARDS) {
      test(`${board.tiles.length} tile(s) at ${width}×${height}: no scrollbars, nothing cut off`, async () => {
        const { context, page, errors } = await openPage(browser, width, height);
        await page.goto(`${server.baseUrl}/board/${board.id}`);
        await waitForLiveBoard(page, board.tiles.length);
        await page.evaluate(() => document.fonts.ready);
        await shot(page, `layout-${board.id}-${width}x${height}`);
        const problems = await layoutProblems(page);
        assert.deepEqual(problems, []);
        const grid = await page.$eval('[data-testid=grid]', (element) => [element.getAttribute('data-cols'), element.getAttribute('data-rows')]);
        const expected: Record<number, string[]> = { 1: ['1', '1'], 12: ['4', '3'], 40: ['8', '5'] };
        assert.deepEqual(grid, expected[board.tiles.length]);
        assert.deepEqual(errors, []);
        await context.close();
      });
    }
  }

  test('?rotate= cycles through the boards without reloading', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.baseUrl}/board/one?rotate=5`);
    await waitForLiveBoard(page, 1);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const before = await page.textContent('[data-testid=board-title]');
    await page.waitForFunction((title) => document.querySelector('[data-testid=board-title]')?.textContent !== title, before, { timeout: 8_000 });
    assert.equal(await page.textContent('[data-testid=board-title]'), 'Twelve tiles');
    assert.equal(new URL(page.url()).pathname, '/board/twelve');
    await waitForLiveBoard(page, 12);
    assert.equal(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument), true);
    await context.close();
  });
});

/** Everything that would show as a scrollbar, outside the screen, or cut off inside a tile. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const width = window.innerWidth;
    const height = window.innerHeight;
    if (root.scrollWidth > root.clientWidth || root.scrollHeight > root.clientHeight) {
      problems.push(`document scrolls: ${root.scrollWidth}×${root.scrollHeight} in ${root.clientWidth}×${root.clientHeight}`);
    }
    if (document.body.scrollWidth > document.body.clientWidth || document.body.scrollHeight > document.body.clientHeight) {
      problems.push('body scrolls');
    }
    const inside = (inner: DOMRect, outer: DOMRect, slack = 0.5) =>
      inner.left >= outer.left - slack && inner.right <= outer.right + slack && inner.top >= outer.top - slack && inner.bottom <= outer.bottom + slack;
    const screen = new DOMRect(0, 0, width, height);
    const header = document.querySelector('.topbar');
    for (const part of [...(header?.querySelectorAll('.board-title, .clock, .pill, .summary') ?? [])]) {
      if (!inside(part.getBoundingClientRect(), screen)) {
        problems.push(`header part ${part.className} is off screen`);
      }
    }
    for (const tile of document.querySelectorAll<HTMLElement>('[data-testid=tile]')) {
      const name = `${tile.dataset['kpi']} ${tile.dataset['scope']}`;
      const box = tile.getBoundingClientRect();
      if (!inside(box, screen)) {
        problems.push(`${name}: tile outside the screen`);
      }
      if (box.width < 100 || box.height < 80) {
        problems.push(`${name}: tile too small (${Math.round(box.width)}×${Math.round(box.height)})`);
      }
      for (const selector of ['.tile-label', '.badge', '.tile-value', '.figure', '.unit', '.tile-spark', '.caption', '.age']) {
        const part = tile.querySelector<HTMLElement>(selector);
        if (!part || part.hidden || getComputedStyle(part).display === 'none') {
          continue;
        }
        const rect = part.getBoundingClientRect();
        if (!inside(rect, box)) {
          problems.push(`${name}: ${selector} sticks out of the tile`);
        }
        if (part.scrollWidth > part.clientWidth + 1 && getComputedStyle(part).display !== 'inline') {
          problems.push(`${name}: ${selector} is cut off (${part.scrollWidth} > ${part.clientWidth})`);
        }
        if (selector === '.tile-label' && part.scrollHeight > 2 * parseFloat(getComputedStyle(part).lineHeight) + 2) {
          problems.push(`${name}: label needs more than two lines`);
        }
      }
      const figure = tile.querySelector('.figure')?.getBoundingClientRect();
      const fontSize = parseFloat(getComputedStyle(tile.querySelector('.figure')!).fontSize);
      if (figure && fontSize < Math.min(box.height * 0.18, 28)) {
        problems.push(`${name}: figure too small (${fontSize}px)`);
      }
    }
    return problems;
  });
}
