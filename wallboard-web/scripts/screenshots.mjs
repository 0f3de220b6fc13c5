// Regenerates the screenshots in docs/screenshots/ (run it by hand after a UI change; not part of the
// test suite): the default overview board and the queues board with the traffic simulator running and
// the alerts its traffic sets off (the alert strip, the tiles' bells), the explain panel, the board while
// reconnecting, and the agent view (full screen and as a side panel).
//
//   cd wallboard-web && npm run build && node scripts/screenshots.mjs
//
// Needs the server built in Release (dotnet build -c Release), redis-server and /usr/bin/chromium. It
// starts its own Redis and server (simulator at 20× on the event clock, a fixed seed) on free ports.

import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.resolve(here, '..');
const repo = path.resolve(web, '..');
const contentRoot = path.join(repo, 'src', 'Wallboard.Server');
// $WALLBOARD_SERVER_DLL (as for the browser tests) runs a copy of the build, e.g. one taken while the
// sources are being rebuilt.
const dll = process.env.WALLBOARD_SERVER_DLL ?? path.join(contentRoot, 'bin', 'Release', 'net10.0', 'Wallboard.Server.dll');
const out = path.join(repo, 'docs', 'screenshots');
// The sparklines span the time the board has watched, from two minutes on: give them that, and more.
const WARM_UP_MS = Number(process.env.SCREENSHOT_WARM_UP_MS ?? 150_000);

for (const [file, hint] of [[dll, 'dotnet build -c Release'], [path.join(contentRoot, 'wwwroot', 'index.html'), 'npm run build']]) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run ${hint} first.`);
    process.exit(1);
  }
}
mkdirSync(out, { recursive: true });

const children = [];
const cleanup = () => children.forEach((child) => child.exitCode === null && child.kill('SIGKILL'));
process.on('exit', cleanup);
process.on('SIGINT', () => process.exit(130));

const redisPort = await freePort();
const redisDir = mkdtempSync(path.join(os.tmpdir(), 'wallboard-shots-redis-'));
children.push(spawn('redis-server', ['--port', String(redisPort), '--dir', redisDir, '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'], { stdio: 'ignore' }));
await until('redis', () => canConnect(redisPort), 10_000);

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn('dotnet', [dll, '--contentRoot', contentRoot], {
  cwd: contentRoot,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    ASPNETCORE_URLS: base,
    ASPNETCORE_ENVIRONMENT: 'Production',
    ConnectionStrings__Redis: `127.0.0.1:${redisPort}`,
    Redis__KeyPrefix: `screenshots:${Date.now()}:`,
    Engine__Clock: 'event',
    Simulator__Enabled: 'true',
    Simulator__Speed: '20',
    Simulator__Seed: process.env.SCREENSHOT_SEED ?? '7',
    Site__TimeZone: process.env.SCREENSHOT_TIME_ZONE ?? busyZone(),
    Serilog__MinimumLevel__Default: 'Warning',
  },
});
children.push(server);
await until('the server', async () => (await fetch(`${base}/readyz`)).ok, 45_000);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const board = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
const queues = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
await board.goto(`${base}/board/overview`);
await queues.goto(`${base}/board/queues`);
for (const page of [board, queues]) {
  await page.waitForFunction(() => {
    const tiles = [...document.querySelectorAll('[data-testid=tile]')];
    return tiles.length > 0 && tiles.filter((tile) => tile.getAttribute('data-value')).length >= tiles.length * 0.5
      && tiles.every((tile) => tile.getAttribute('data-stale') === '');
  }, undefined, { timeout: 60_000 });
}
console.log(`The boards are live; letting the sparklines fill for ${WARM_UP_MS / 1000} s…`);
await board.waitForTimeout(WARM_UP_MS);

const alerting = await alertsActive();
for (const page of [board, queues]) {
  await live(page);
  await showsAlerts(page, alerting);
}

await settle(board);
await save(board, 'board-overview.png');
await settle(queues);
await save(queues, 'board-queues.png');

await board.click('[data-testid=tile][data-kpi=serviceLevel]');
await board.waitForSelector('dialog[open] [data-testid=explain-numerator]');
await board.waitForTimeout(400);
await save(board, 'board-explain.png');
await board.keyboard.press('Escape');

const agent = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
await agent.goto(`${base}/agent?queues=sales,support,billing`);
await agent.waitForFunction(() => document.querySelectorAll('[data-testid=agents] [data-agent]').length > 3, undefined, { timeout: 30_000 });
await agent.waitForTimeout(1500);
await save(agent, 'agent-view.png');
const panel = await browser.newPage({ viewport: { width: 480, height: 1080 } });
await panel.goto(`${base}/agent?queues=sales`);
await panel.waitForFunction(() => document.querySelectorAll('[data-testid=agents] [data-agent]').length > 3, undefined, { timeout: 30_000 });
await panel.waitForTimeout(1500);
await save(panel, 'agent-panel.png');

server.kill('SIGTERM');
await board.waitForFunction(() => document.querySelector('[data-testid=banner]')?.getAttribute('data-kind') === 'reconnecting'
  && [...document.querySelectorAll('[data-testid=tile]')].every((tile) => tile.classList.contains('stale')), undefined, { timeout: 20_000 });
await board.waitForTimeout(6_000);
await save(board, 'board-reconnecting.png');

await browser.close();
cleanup();
rmSync(redisDir, { recursive: true, force: true });
process.exit(0);

// The simulator follows a daily curve in the site's time zone (peak at 10:45): pick a zone where it is
// late morning now, so that the pictures show a busy floor whenever they are taken.
function busyZone() {
  const zones = ['Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Denver', 'America/Chicago', 'America/New_York',
    'America/Sao_Paulo', 'Atlantic/Azores', 'Europe/London', 'Europe/Berlin', 'Europe/Athens', 'Europe/Moscow', 'Asia/Dubai',
    'Asia/Karachi', 'Asia/Dhaka', 'Asia/Bangkok', 'Asia/Singapore', 'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Auckland'];
  const hour = (zone) => {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(new Date());
    return Number(parts.find((p) => p.type === 'hour').value) + Number(parts.find((p) => p.type === 'minute').value) / 60;
  };
  return zones.reduce((best, zone) => (Math.abs(hour(zone) - 10.5) < Math.abs(hour(best) - 10.5) ? zone : best));
}

// What a supervisor sees: the simulator's traffic makes the default alert rules fire within the warm-up,
// so the boards carry the alert strip (and the tiles concerned their bell). Without an active alert
// (rules switched off in configuration, say) the pictures simply have no strip.
async function alertsActive() {
  try {
    await until('an active alert', async () => (await (await fetch(`${base}/api/v1/alerts`)).json()).active.length > 0, 60_000, 1_000);
    return true;
  } catch {
    console.log('No alert is active: the board pictures show no alert strip.');
    return false;
  }
}

async function live(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid=link]')?.getAttribute('data-state') === 'live'
    && [...document.querySelectorAll('[data-testid=tile]')].every((tile) => tile.getAttribute('data-stale') === ''), undefined, { timeout: 20_000 });
}

async function showsAlerts(page, alerting) {
  if (!alerting) {
    return;
  }
  // The board learns of alerts from the hub's pushes and its own reads of the list: the strip shows them.
  await page.waitForFunction(() => {
    const strip = document.querySelector('[data-testid=alert-banner]');
    return strip instanceof HTMLElement && !strip.hidden && strip.querySelectorAll('[data-testid=alert-item]').length > 0;
  }, undefined, { timeout: 40_000 });
}

async function settle(page) {
  // No tile mid-flash, the fonts loaded, the sparklines just redrawn.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForFunction(() => document.querySelectorAll('.tile.changed').length === 0, undefined, { timeout: 5_000 }).catch(() => undefined);
}

async function save(page, name) {
  const file = path.join(out, name);
  // At 20× nearly every figure is mid-flash at any moment; the pictures show the steady look (and no
  // focus ring left by the explain panel).
  await page.addStyleTag({ content: '.tile.changed .figure { animation: none !important; }' });
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  await page.screenshot({ path: file });
  const kb = statSync(file).size / 1024;
  console.log(`${path.relative(repo, file)} ${kb.toFixed(0)} KB${kb > 1024 ? ' (over 1 MB!)' : ''}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
}

function canConnect(target) {
  return new Promise((resolve) => {
    const socket = net.connect(target, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function until(what, probe, timeoutMs, everyMs = 200) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await probe()) {
        return;
      }
    } catch {
      // not yet
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
