// Fits any TV: boards of 1, 12 and 40 tiles at 1920×1080 and 3840×2160 fill the screen with no
// scrollbar, every tile inside the viewport and nothing inside a tile cut off, with no alert and with
// the alert strip showing (the grid shrinks for it); ?rotate= cycles boards.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { boardEnvironment, events, launchBrowser, openPage, ServerProcess, shot, TestRedis, until, waitForLiveBoard, type TileSpec } from './support.ts';

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
/** The automatic grid of each board: the same with the strip, which only takes a little height. */
const SHAPES: Record<number, string[]> = { 1: ['1', '1'], 12: ['4', '3'], 40: ['8', '5'] };

/**
 * Rules that fire at the first evaluation on the traffic below (held for 0 s): the longest wait of
 * lay-sales and of the whole centre is critical (one contact waiting for 19:30), the abandon rate of
 * both queues and of the whole centre a warning (a third abandoned). Five alerts: the strip names the
 * most pressing (as many as fit whole) and counts the rest, and the tiles on those KPIs, scopes and
 * windows wear their bell.
 */
const ALERT_RULES: Record<string, string> = {
  Alerts__UseDefaultRules: 'false',
  Alerts__EvaluationInterval: '00:00:00.200',
  ...rule(0, 'lay-longest-wait-queues', 'longestWait', 'queue:*', 'now', { warning: 60, critical: 120 }),
  ...rule(1, 'lay-longest-wait-all', 'longestWait', 'all', 'now', { warning: 60, critical: 120 }),
  ...rule(2, 'lay-abandon-queues', 'abandonRate', 'queue:*', '15m', { warning: 5 }),
  ...rule(3, 'lay-abandon-all', 'abandonRate', 'all', '15m', { warning: 5 }),
};

function rule(index: number, id: string, kpi: string, scope: string, window: string, above: { warning: number; critical?: number }): Record<string, string> {
  const prefix = `Alerts__Rules__${index}__`;
  return {
    [`${prefix}Id`]: id,
    [`${prefix}Kpi`]: kpi,
    [`${prefix}Scope`]: scope,
    [`${prefix}Window`]: window,
    [`${prefix}Warning__Above`]: String(above.warning),
    ...(above.critical !== undefined ? { [`${prefix}Critical__Above`]: String(above.critical) } : {}),
    [`${prefix}For`]: '00:00:00',
  };
}

/** Enough traffic for big numbers, a critical service level, a third abandoned, and a long wait still open. */
function traffic(): object[] {
  const batch: object[] = [events.agent(0, 'l1', 'available', ['lay-sales'], 'Lena Long-Name-Example'), events.agent(0, 'l2', 'busy', ['lay-sales'], 'Ola')];
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
  return batch;
}

describe('layout', () => {
  let redis: TestRedis;
  let server: ServerProcess;
  let browser: Browser;

  before(async () => {
    redis = await TestRedis.start();
    server = await ServerProcess.start({ redis, env: boardEnvironment(BOARDS) });
    browser = await launchBrowser();
    await server.post(traffic());
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
        assert.equal(await page.isHidden('[data-testid=alert-banner]'), true, 'no alert, no strip');
        const problems = await layoutProblems(page);
        assert.deepEqual(problems, []);
        const grid = await page.$eval('[data-testid=grid]', (element) => [element.getAttribute('data-cols'), element.getAttribute('data-rows')]);
        assert.deepEqual(grid, SHAPES[board.tiles.length]);
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

describe('layout with the alert strip', () => {
  let redis: TestRedis;
  let server: ServerProcess;
  let browser: Browser;

  before(async () => {
    redis = await TestRedis.start();
    server = await ServerProcess.start({ redis, env: { ...boardEnvironment(BOARDS), ...ALERT_RULES } });
    browser = await launchBrowser();
    await server.post(traffic());
    await until('the five alerts to fire', async () => {
      const alerts = await server.get<{ active: Array<{ ruleId: string; scope: string; severity: string }> }>('/api/v1/alerts');
      return alerts.active.length === 5 ? alerts.active : null;
    }, 15_000);
  });

  after(async () => {
    await browser?.close();
    await server?.kill();
    await redis?.stop();
  });

  test('the rules fire: two critical, three warnings', async () => {
    const alerts = await server.get<{ active: Array<{ ruleId: string; scope: string; severity: string }> }>('/api/v1/alerts');
    assert.deepEqual(alerts.active.map((alert) => `${alert.ruleId} ${alert.scope} ${alert.severity}`).sort(), [
      'lay-abandon-all all warning',
      'lay-abandon-queues queue:lay-first-contact-support warning',
      'lay-abandon-queues queue:lay-sales warning',
      'lay-longest-wait-all all critical',
      'lay-longest-wait-queues queue:lay-sales critical',
    ]);
  });

  const CASES: Array<[number, number, number]> = [[1920, 1080, 1], [1920, 1080, 12], [1920, 1080, 40], [3840, 2160, 12], [3840, 2160, 40]];
  for (const [width, height, count] of CASES) {
    const board = BOARDS.find((candidate) => candidate.tiles.length === count)!;
    test(`${count} tile(s) at ${width}×${height} with the alert strip: no scrollbars, nothing cut off`, async () => {
      const { context, page, errors } = await openPage(browser, width, height);
      await page.goto(`${server.baseUrl}/board/${board.id}`);
      await waitForLiveBoard(page, count);
      await page.waitForFunction(() => {
        const strip = document.querySelector('[data-testid=alert-banner]');
        return strip instanceof HTMLElement && !strip.hidden && strip.getAttribute('data-critical') === '2' && strip.getAttribute('data-warning') === '3';
      }, undefined, { timeout: 10_000 });
      await page.evaluate(() => document.fonts.ready);
      await shot(page, `layout-alerts-${board.id}-${width}x${height}`);
      assert.equal(await page.isVisible('[data-testid=alert-banner]'), true);
      // The strip names the most pressing alerts (up to three, as many as fit whole) and counts the rest.
      const named = await page.$$eval('[data-testid=alert-item]:not([hidden])', (items) => items.map((item) => item.getAttribute('data-severity')));
      assert.ok(named.length >= 1 && named.length <= 3, `${named.length} alerts named`);
      assert.deepEqual(named, ['critical', 'critical', 'warning'].slice(0, named.length));
      assert.equal(await page.textContent('[data-testid=alert-banner] .alert-strip-more'), `+${5 - named.length} more`);
      // Tiles of the 40-tile board on lay-sales carry the queue's alerts; on every board the centre's.
      const bells = await page.$$eval('[data-testid=tile][data-alert]:not([data-alert=""])', (tiles) => tiles.map((tile) => `${tile.getAttribute('data-kpi')} ${tile.getAttribute('data-scope')}`).sort());
      const expectedBells: Record<number, string[]> = {
        1: [],
        12: ['abandonRate all', 'longestWait all'],
        40: ['abandonRate all', 'abandonRate queue:lay-sales', 'longestWait all', 'longestWait queue:lay-sales'],
      };
      assert.deepEqual(bells, expectedBells[count]);
      const problems = await layoutProblems(page);
      assert.deepEqual(problems, []);
      const grid = await page.$eval('[data-testid=grid]', (element) => [element.getAttribute('data-cols'), element.getAttribute('data-rows')]);
      assert.deepEqual(grid, SHAPES[count]);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
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
    // The alert strip, when it shows: on screen, in its own row between the header and the tiles, its
    // bell, counts, names, values and "+N more" all inside it, no name cut short.
    const strip = document.querySelector<HTMLElement>('[data-testid=alert-banner]');
    let tilesFrom = header?.getBoundingClientRect().bottom ?? 0;
    if (strip && !strip.hidden) {
      const box = strip.getBoundingClientRect();
      if (!inside(box, screen)) {
        problems.push('the alert strip is off screen');
      }
      if (box.top < tilesFrom - 0.5) {
        problems.push('the alert strip overlaps the header');
      }
      if (box.height < 24) {
        problems.push(`the alert strip is too thin (${Math.round(box.height)} px)`);
      }
      if (strip.scrollWidth > strip.clientWidth + 1 || strip.scrollHeight > strip.clientHeight + 1) {
        problems.push(`the alert strip overflows (${strip.scrollWidth}×${strip.scrollHeight} in ${strip.clientWidth}×${strip.clientHeight})`);
      }
      const parts = [...strip.querySelectorAll<HTMLElement>('.alert-strip-bell, .alert-strip-counts .sum, .alert-item, .alert-item-name, .alert-item-value, .alert-strip-more')]
        .filter((part) => !part.hidden && part.getClientRects().length > 0);
      for (const part of parts) {
        if (!inside(part.getBoundingClientRect(), box)) {
          problems.push(`alert strip: ${part.className} sticks out of the strip`);
        }
        if (part.scrollWidth > part.clientWidth + 1 && getComputedStyle(part).display !== 'inline') {
          problems.push(`alert strip: ${part.className} "${part.textContent}" is cut off (${part.scrollWidth} > ${part.clientWidth})`);
        }
      }
      tilesFrom = box.bottom;
    }
    for (const tile of document.querySelectorAll<HTMLElement>('[data-testid=tile]')) {
      const name = `${tile.dataset['kpi']} ${tile.dataset['scope']}`;
      const box = tile.getBoundingClientRect();
      if (!inside(box, screen)) {
        problems.push(`${name}: tile outside the screen`);
      }
      if (box.top < tilesFrom - 0.5) {
        problems.push(`${name}: tile under the ${strip && !strip.hidden ? 'alert strip' : 'header'}`);
      }
      if (box.width < 100 || box.height < 80) {
        problems.push(`${name}: tile too small (${Math.round(box.width)}×${Math.round(box.height)})`);
      }
      for (const selector of ['.tile-label', '.badge', '.alert-chip', '.tile-value', '.figure', '.unit', '.tile-spark', '.caption', '.age']) {
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
