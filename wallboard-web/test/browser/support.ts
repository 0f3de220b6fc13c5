// What the browser tests stand on: the real server as a process (the Release build, the event clock, a
// key prefix of its own, boards from environment variables), the test Redis, contract events, and
// headless Debian Chromium driven by playwright-core.

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const webRoot = process.cwd();
export const repoRoot = path.resolve(webRoot, '..');
export const contentRoot = path.join(repoRoot, 'src', 'Wallboard.Server');
export const serverDll = process.env['WALLBOARD_SERVER_DLL'] ?? path.join(contentRoot, 'bin', 'Release', 'net10.0', 'Wallboard.Server.dll');
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The flags that keep Chromium from stalling on a closed network (see shared/NOTES.md). */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
];

// Servers and Redis started here die with the test process, even when it is cut short.
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  }
});

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value) {
        return value;
      }
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The test Redis: $WALLBOARD_TEST_REDIS (scripts/test.sh starts one), or a private redis-server. */
export class TestRedis {
  private constructor(readonly connection: string, private readonly process: ChildProcess | null, private readonly dir: string | null) {}

  static async start(): Promise<TestRedis> {
    const shared = process.env['WALLBOARD_TEST_REDIS'];
    if (shared) {
      return new TestRedis(shared, null, null);
    }
    const port = await freePort();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wallboard-web-redis-'));
    const child = track(spawn('redis-server', ['--port', String(port), '--dir', dir, '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'], { stdio: 'ignore' }));
    const redis = new TestRedis(`127.0.0.1:${port}`, child, dir);
    await until('redis-server to listen', () => canConnect(port), 10_000);
    return redis;
  }

  async stop(): Promise<void> {
    if (this.process && this.process.exitCode === null) {
      this.process.kill('SIGTERM');
      await new Promise((resolve) => this.process!.once('exit', resolve));
    }
    if (this.dir) {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface TileSpec {
  kpi: string;
  scope: string;
  window: string;
  label?: string;
}

export interface BoardSpec {
  id: string;
  title: string;
  tiles: TileSpec[];
}

/**
 * Boards as environment variables. appsettings.json has three boards (indexes 0-2) and configuration
 * merges lists by index, so the test boards go from index 3 on and the defaults stay as they are.
 */
export function boardEnvironment(boards: BoardSpec[], firstIndex = 3): Record<string, string> {
  const env: Record<string, string> = {};
  boards.forEach((board, b) => {
    const prefix = `Boards__Boards__${firstIndex + b}__`;
    env[`${prefix}Id`] = board.id;
    env[`${prefix}Title`] = board.title;
    board.tiles.forEach((tile, t) => {
      env[`${prefix}Tiles__${t}__Kpi`] = tile.kpi;
      env[`${prefix}Tiles__${t}__Scope`] = tile.scope;
      env[`${prefix}Tiles__${t}__Window`] = tile.window;
      if (tile.label) {
        env[`${prefix}Tiles__${t}__Label`] = tile.label;
      }
    });
  });
  return env;
}

export interface ServerOptions {
  redis: TestRedis;
  port?: number;
  keyPrefix?: string;
  env?: Record<string, string>;
}

/** The built server as an operating-system process, so a test can stop it and start it again on the same port. */
export class ServerProcess {
  private output = '';

  private constructor(private readonly child: ChildProcess, readonly port: number, readonly keyPrefix: string, private readonly options: ServerOptions) {
    child.stdout?.on('data', (chunk: Buffer) => this.append(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.append(chunk));
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get log(): string {
    return this.output;
  }

  static async start(options: ServerOptions): Promise<ServerProcess> {
    if (!existsSync(serverDll)) {
      throw new Error(`${serverDll} is missing: build the server first (dotnet build -c Release).`);
    }
    if (!existsSync(path.join(contentRoot, 'wwwroot', 'index.html'))) {
      throw new Error(`${contentRoot}/wwwroot/index.html is missing: build the client first (npm run build).`);
    }
    const port = options.port ?? (await freePort());
    const keyPrefix = options.keyPrefix ?? `web-test:${randomUUID()}:`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ASPNETCORE_URLS: `http://127.0.0.1:${port}`,
      ASPNETCORE_ENVIRONMENT: 'Production',
      DOTNET_NOLOGO: '1',
      ConnectionStrings__Redis: options.redis.connection,
      Redis__KeyPrefix: keyPrefix,
      Redis__CheckpointInterval: '00:00:01',
      Engine__Clock: 'event',
      Simulator__Enabled: 'false',
      // Board tests must not have an alert strip appear and shift the tiles; alert tests switch rules on.
      Alerts__UseDefaultRules: 'false',
      Serilog__MinimumLevel__Default: 'Warning',
      ...options.env,
    };
    const child = track(spawn('dotnet', [serverDll, '--contentRoot', contentRoot], { cwd: contentRoot, env, stdio: ['ignore', 'pipe', 'pipe'] }));
    const server = new ServerProcess(child, port, keyPrefix, { ...options, port, keyPrefix });
    try {
      await until('the server to answer /readyz', async () => {
        if (child.exitCode !== null) {
          throw new Error(`the server exited with ${child.exitCode}:\n${server.output}`);
        }
        const response = await fetch(`${server.baseUrl}/readyz`);
        return response.ok;
      }, 45_000, 200);
    } catch (error) {
      await server.kill();
      throw error;
    }
    return server;
  }

  /** The same server again (same port, key prefix and settings), as after a restart. */
  async restart(): Promise<ServerProcess> {
    return ServerProcess.start(this.options);
  }

  /** SIGTERM and wait for the exit, as an orchestrator stops it. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }

  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await exited;
  }

  async post(events: object[]): Promise<{ accepted: number; rejected: unknown[] }> {
    const response = await fetch(`${this.baseUrl}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(events),
    });
    const body = (await response.json()) as { accepted: number; rejected: unknown[] };
    if (response.status !== 202 || body.rejected.length > 0) {
      throw new Error(`POST /api/v1/events answered ${response.status}: ${JSON.stringify(body)}`);
    }
    return body;
  }

  async get<T>(pathAndQuery: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}${pathAndQuery}`);
    if (!response.ok) {
      throw new Error(`GET ${pathAndQuery} answered ${response.status}`);
    }
    return (await response.json()) as T;
  }

  async kpis(scope: string, window: string, explain = false): Promise<KpiRow> {
    return this.get<KpiRow>(`/api/v1/kpis?scope=${encodeURIComponent(scope)}&window=${encodeURIComponent(window)}${explain ? '&explain=true' : ''}`);
  }

  private append(chunk: Buffer): void {
    this.output += chunk.toString();
    if (this.output.length > 200_000) {
      this.output = this.output.slice(-100_000);
    }
  }
}

export interface KpiRow {
  scope: string;
  window: string;
  asOf: string;
  values: Record<string, number | null>;
  explain?: { parts: Record<string, { numerator: number; denominator: number; numeratorCounts: string; denominatorCounts: string }> };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true });
}

/** A page of a fresh context (its own storage) at the given viewport; browser errors fail loudly in the log. */
export async function openPage(browser: Browser, width = 1920, height = 1080): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** With $WALLBOARD_WEB_SHOTS set, saves a screenshot there (for looking at what a test saw). */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env['WALLBOARD_WEB_SHOTS'];
  if (dir) {
    await page.screenshot({ path: path.join(dir, `${name}.png`) });
  }
}

/** Waits until every tile of the board has had its first value and the link is live. */
export async function waitForLiveBoard(page: Page, tiles: number, timeoutMs = 20_000): Promise<void> {
  await page.waitForFunction((count) => {
    const all = [...document.querySelectorAll('[data-testid=tile]')];
    return all.length === count && all.every((tile) => tile.getAttribute('data-stale') === '')
      && document.querySelector('[data-testid=link]')?.getAttribute('data-state') === 'live';
  }, tiles, { timeout: timeoutMs });
}

/** Contract events at whole seconds after a fixed base (the server runs on the event clock). */
export const BASE = Date.parse('2026-11-23T09:00:00Z');
let sequence = 0;
const ts = (seconds: number) => new Date(BASE + seconds * 1000).toISOString();
const id = () => `web-${++sequence}-${randomUUID().slice(0, 8)}`;

export const events = {
  agent: (at: number, agentId: string, state: string, queues: string[], name: string, team = 't1') =>
    ({ id: id(), type: 'agent.state', ts: ts(at), agentId, state, queues, team, name }),
  queued: (at: number, contactId: string, queue: string, channel = 'voice') => ({ id: id(), type: 'contact.queued', ts: ts(at), contactId, queue, channel }),
  answered: (at: number, contactId: string, agentId: string) => ({ id: id(), type: 'contact.answered', ts: ts(at), contactId, agentId }),
  abandoned: (at: number, contactId: string) => ({ id: id(), type: 'contact.abandoned', ts: ts(at), contactId }),
  completed: (at: number, contactId: string, agentId: string, talk: number, hold: number, wrap: number) =>
    ({ id: id(), type: 'contact.completed', ts: ts(at), contactId, agentId, talkSeconds: talk, holdSeconds: hold, wrapSeconds: wrap, resolved: true }),
};
