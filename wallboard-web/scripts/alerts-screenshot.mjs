// Regenerates docs/screenshots/alerts-console.png: the leads console (/alerts) with the traffic simulator
// running at 20× on the event clock (a fixed seed, a site time zone where it is late morning), so that
// the default alert rules fire, some resolve, and a few breaches are pending. Two alerts are acknowledged
// (through the API, as a lead would in the console) and one timeline is opened.
//
//   cd wallboard-web && npm run build && node scripts/alerts-screenshot.mjs
//
// Needs the server built in Release (dotnet build -c Release), redis-server and /usr/bin/chromium. It
// starts its own Redis and server on free ports and stops them at the end.

import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const contentRoot = path.join(repo, 'src', 'Wallboard.Server');
// $WALLBOARD_SERVER_DLL (as for the browser tests) runs a copy of the build, e.g. one taken while the
// sources are being rebuilt.
const dll = process.env.WALLBOARD_SERVER_DLL ?? path.join(contentRoot, 'bin', 'Release', 'net10.0', 'Wallboard.Server.dll');
const out = path.join(repo, 'docs', 'screenshots');

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
const redisDir = mkdtempSync(path.join(os.tmpdir(), 'wallboard-alerts-shot-'));
children.push(spawn('redis-server', ['--port', String(redisPort), '--dir', redisDir, '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'], { stdio: 'ignore' }));
await until('redis', () => canConnect(redisPort), 10_000);

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
children.push(spawn('dotnet', [dll, '--contentRoot', contentRoot], {
  cwd: contentRoot,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    ASPNETCORE_URLS: base,
    ASPNETCORE_ENVIRONMENT: 'Production',
    ConnectionStrings__Redis: `127.0.0.1:${redisPort}`,
    Redis__KeyPrefix: `alerts-shot:${Date.now()}:`,
    Engine__Clock: 'event',
    Simulator__Enabled: 'true',
    Simulator__Speed: '20',
    Simulator__Seed: process.env.SCREENSHOT_SEED ?? '7',
    Site__TimeZone: process.env.SCREENSHOT_TIME_ZONE ?? busyZone(),
    Serilog__MinimumLevel__Default: 'Warning',
  },
}));
await until('the server', async () => (await fetch(`${base}/readyz`)).ok, 45_000);

console.log('The simulator runs; waiting for alerts to fire and resolve…');
const alerts = await until('a few active, pending and resolved alerts', async () => {
  const list = await (await fetch(`${base}/api/v1/alerts`)).json();
  return list.active.length >= 5 && list.recent.length >= 2 && list.active.some((alert) => alert.severity === 'critical') ? list : null;
}, 300_000, 2_000);

// A lead took two of them: the most pressing critical one, and a warning.
const critical = alerts.active.find((alert) => alert.severity === 'critical' && alert.scope.startsWith('queue:'))
  ?? alerts.active.find((alert) => alert.severity === 'critical');
const warning = alerts.active.find((alert) => alert.severity === 'warning' && alert.ruleId.startsWith('occupancy'))
  ?? alerts.active.find((alert) => alert.severity === 'warning');
await ack(critical, 'Maria Lopez', 'Moved two agents from billing; watching it.');
await ack(warning, 'Sam Okafor', 'Morning ramp-up, expected to settle by 10:30.');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
await page.goto(`${base}/alerts`);
const row = `[data-testid=active-list] [data-testid=alert-row][data-alert-id="${critical.id}"]`;
await page.waitForSelector(row, { timeout: 30_000 });
await page.click(`${row} [data-testid=timeline-toggle]`);
await page.evaluate(() => document.fonts.ready);
// Two reloads of the list (every 5 to 10 s) so that the values and "firing for" are current.
await page.waitForTimeout(12_000);
await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
await page.mouse.move(0, 0);
const file = path.join(out, 'alerts-console.png');
await page.screenshot({ path: file });
console.log(`${path.relative(repo, file)} ${(statSync(file).size / 1024).toFixed(0)} KB`);

await browser.close();
cleanup();
rmSync(redisDir, { recursive: true, force: true });
process.exit(0);

async function ack(alert, by, note) {
  if (!alert) {
    return;
  }
  const response = await fetch(`${base}/api/v1/alerts/${encodeURIComponent(alert.id)}/ack`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ by, note }),
  });
  console.log(`acknowledged ${alert.id}: ${response.status}`);
}

// The simulator follows a daily curve in the site's time zone (peak at 10:45): pick a zone where it is
// late morning now, so that the picture shows a busy floor whenever it is taken.
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
      const value = await probe();
      if (value) {
        return value;
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
