// The one live link to the server (SignalR hub /hubs/wallboard), built so that a TV left alone for
// months never shows a blank or frozen screen:
// - it connects, and reconnects, forever, with jittered back-off (the library's default gives up);
// - every (re)connection subscribes again and takes a full snapshot (a reconnect is a new connection);
// - a quiet connection asks for a snapshot every probe period, which confirms the values and finds a
//   half-open connection; the views grey values nothing has confirmed for three periods;
// - if nothing at all has worked for two minutes while the server answers HTTP, the page reloads itself.

import {
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type HubConnection,
} from '@microsoft/signalr';
import type { AgentsPayload, BoardStatus, KpiUpdate } from './api.ts';
import type { AlertChangeMessage } from './lib/alerts.ts';
import { foreverPolicy, retryDelay } from './lib/backoff.ts';
import { PROBE_AFTER_MS, WEDGED_AFTER_MS, shouldProbe, shouldReload } from './lib/staleness.ts';

export const HUB_PATH = '/hubs/wallboard';

export type LinkState = 'connecting' | 'connected' | 'reconnecting';

export interface LinkInfo {
  state: LinkState;
  /** Failed attempts since the link was last up. */
  attempt: number;
  /** When the next attempt starts (client clock), while not connected. */
  nextRetryAt: number | null;
  /** When the link went down (client clock), while not connected. */
  downSince: number | null;
}

export interface SubscribeRequest {
  scopes: string[];
  windows: string[];
}

export interface LiveHandlers {
  /** A full snapshot (on subscribe, reconnect, probe) or a push of changed rows. */
  onUpdate(update: KpiUpdate, receivedAt: number): void;
  onStatus?(status: BoardStatus, receivedAt: number): void;
  onAgents?(agents: AgentsPayload, receivedAt: number): void;
  onBoardsChanged?(): void;
  onLink(link: LinkInfo): void;
  /** After a reconnect (not the first connect): a chance to notice a new deployment. */
  onReconnected?(): void;
  /** An alert fired, changed, was acknowledged or resolved (pushed to every connected page). */
  onAlert?(change: AlertChangeMessage, receivedAt: number): void;
  /**
   * After every (re)connection ('connect') and every probe of a quiet link ('probe'), once subscribed:
   * fetch what pushes alone cannot restore (the alerts missed while away). Resolves true when it heard
   * from the server, which counts like a message; it should not throw.
   */
  onResync?(reason: 'connect' | 'probe'): Promise<boolean>;
}

const INVOKE_TIMEOUT_MS = 10_000;
const WATCHDOG_EVERY_MS = 1_000;
const HEALTH_CHECK_EVERY_MS = 10_000;

export class LiveConnection {
  private readonly connection: HubConnection;
  private subscription: SubscribeRequest | null = null;
  private agentQueues: string[] | null = null;
  private link: LinkInfo = { state: 'connecting', attempt: 0, nextRetryAt: null, downSince: null };
  private lastMessageAt = Date.now();
  private lastHealthyAt = Date.now();
  private lastHealthCheckAt = 0;
  private probing = false;
  private subscribed = false;
  private everConnected = false;
  private looping = false;
  private stopped = false;
  private watchdog: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly handlers: LiveHandlers, hubUrl = HUB_PATH) {
    this.connection = new HubConnectionBuilder()
      .withUrl(hubUrl)
      .withAutomaticReconnect(foreverPolicy(Math.random, (delay, attempt) => this.scheduled(delay, attempt)))
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.on('kpisChanged', (update: KpiUpdate) => {
      this.heard();
      this.handlers.onUpdate(update, Date.now());
    });
    this.connection.on('statusChanged', (status: BoardStatus) => {
      this.heard();
      this.handlers.onStatus?.(status, Date.now());
    });
    this.connection.on('agentsChanged', (agents: AgentsPayload) => {
      this.heard();
      this.handlers.onAgents?.(agents, Date.now());
    });
    this.connection.on('alertChanged', (change: AlertChangeMessage) => {
      this.heard();
      this.handlers.onAlert?.(change, Date.now());
    });
    this.connection.on('boardsChanged', () => {
      this.heard();
      this.handlers.onBoardsChanged?.();
    });
    this.connection.onreconnecting(() => {
      this.subscribed = false;
      this.setLink({ state: 'reconnecting', attempt: this.link.attempt, nextRetryAt: this.link.nextRetryAt, downSince: this.link.downSince ?? Date.now() });
    });
    this.connection.onreconnected(() => {
      void this.subscribeAll(true);
    });
    this.connection.onclose(() => {
      // Only stop() or a server that refuses reconnection closes for good: start over.
      this.subscribed = false;
      if (!this.stopped) {
        void this.startLoop();
      }
    });
  }

  get state(): LinkState {
    return this.link.state;
  }

  get isLive(): boolean {
    return this.subscribed && this.connection.state === HubConnectionState.Connected;
  }

  /** Starts the link; resolves once the first snapshot arrived (it keeps trying until then). */
  async start(): Promise<void> {
    this.watchdog ??= setInterval(() => void this.watch(), WATCHDOG_EVERY_MS);
    await this.startLoop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.watchdog) {
      clearInterval(this.watchdog);
    }
    await this.connection.stop();
  }

  /** What to subscribe to; replaces the previous subscription and takes a fresh snapshot when connected. */
  async subscribe(request: SubscribeRequest): Promise<void> {
    this.subscription = request;
    if (this.connection.state === HubConnectionState.Connected) {
      await this.invokeSubscribe();
    }
  }

  /** The agent view's queues (all agents when empty). */
  async subscribeAgents(queues: string[]): Promise<void> {
    this.agentQueues = queues;
    if (this.connection.state === HubConnectionState.Connected) {
      await this.invokeSubscribeAgents();
    }
  }

  private async startLoop(): Promise<void> {
    // One loop at a time: onclose may fire while the first start is still retrying.
    if (this.looping) {
      return;
    }
    this.looping = true;
    try {
      await this.connectUntilSubscribed();
    } finally {
      this.looping = false;
    }
  }

  private async connectUntilSubscribed(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      if (this.connection.state === HubConnectionState.Disconnected) {
        try {
          this.setLink({ state: this.everConnected ? 'reconnecting' : 'connecting', attempt, nextRetryAt: null, downSince: this.link.downSince });
          await this.connection.start();
        } catch {
          const delay = retryDelay(attempt + 1);
          this.setLink({ state: this.link.state, attempt: attempt + 1, nextRetryAt: Date.now() + delay, downSince: this.link.downSince ?? Date.now() });
          await sleep(delay);
          continue;
        }
      }
      if (this.connection.state === HubConnectionState.Connected && (await this.subscribeAll(false))) {
        return;
      }
      await sleep(retryDelay(attempt + 1));
    }
  }

  private async subscribeAll(reconnected: boolean, probe = false): Promise<boolean> {
    try {
      if (this.subscription) {
        await this.invokeSubscribe();
      }
      if (this.agentQueues) {
        await this.invokeSubscribeAgents();
      }
      if (this.handlers.onResync && (await withTimeout(this.handlers.onResync(probe ? 'probe' : 'connect'), INVOKE_TIMEOUT_MS))) {
        this.heard();
      }
      this.subscribed = true;
      this.everConnected = true;
      this.setLink({ state: 'connected', attempt: 0, nextRetryAt: null, downSince: null });
      if (reconnected) {
        this.handlers.onReconnected?.();
      }
      return true;
    } catch {
      // The connection broke under us; its reconnect (or the start loop) tries again.
      return false;
    }
  }

  private async invokeSubscribe(): Promise<void> {
    const request = this.subscription;
    if (!request || request.scopes.length === 0 || request.windows.length === 0) {
      return;
    }
    const snapshot = await withTimeout(this.connection.invoke<KpiUpdate>('Subscribe', request), INVOKE_TIMEOUT_MS);
    this.heard();
    this.handlers.onUpdate(snapshot, Date.now());
  }

  private async invokeSubscribeAgents(): Promise<void> {
    const agents = await withTimeout(this.connection.invoke<AgentsPayload>('SubscribeAgents', this.agentQueues ?? []), INVOKE_TIMEOUT_MS);
    this.heard();
    this.handlers.onAgents?.(agents, Date.now());
  }

  private heard(): void {
    this.lastMessageAt = Date.now();
    this.lastHealthyAt = this.lastMessageAt;
  }

  private scheduled(delay: number, attempt: number): void {
    this.setLink({ state: 'reconnecting', attempt: attempt + 1, nextRetryAt: Date.now() + delay, downSince: this.link.downSince ?? Date.now() });
  }

  private setLink(link: LinkInfo): void {
    this.link = link;
    this.handlers.onLink(link);
  }

  private async watch(): Promise<void> {
    const now = Date.now();
    if (this.isLive && !this.probing && shouldProbe(this.lastMessageAt, now, PROBE_AFTER_MS)) {
      this.probing = true;
      try {
        await this.subscribeAll(false, true);
      } finally {
        this.probing = false;
      }
    }
    if (now - this.lastHealthyAt >= WEDGED_AFTER_MS && now - this.lastHealthCheckAt >= HEALTH_CHECK_EVERY_MS) {
      this.lastHealthCheckAt = now;
      if (shouldReload(this.lastHealthyAt, now, await serverAnswers(), WEDGED_AFTER_MS)) {
        window.location.reload();
      }
    }
  }
}

async function serverAnswers(): Promise<boolean> {
  try {
    const response = await withTimeout(fetch('/healthz', { cache: 'no-store' }), 5_000);
    return response.ok;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
