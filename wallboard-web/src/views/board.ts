// The TV board (/board/{id}): a header with the site, the board, a verdict summary, the link state and
// the clock; a grid of tiles that fills the screen; the banner when the numbers are not live; the explain
// panel. With ?rotate=N it cycles through every board, N seconds each, on one subscription (the union of
// the boards' scopes and windows) so that switching is instant and every sparkline keeps filling.

import { api, rowKey, tileKey, type BoardDefinition, type BoardsPayload, type CatalogPayload, type KpiRow, type KpiUpdate } from '../api.ts';
import { LiveConnection, type LinkInfo, type SubscribeRequest } from '../live.ts';
import { clear, h, setAttr, setText, stateIcon } from '../lib/dom.ts';
import { gridFor, gridWithColumns } from '../lib/grid.ts';
import { BUCKET_MS } from '../lib/history.ts';
import { HistoryStore, browserStorage } from '../lib/history-store.ts';
import { Banner, Clock, LinkPill } from './chrome.ts';
import { ExplainPanel } from './explain.ts';
import { TileView } from './tile.ts';
import { Alarm } from './alarm.ts';
import { checkForNewVersion } from './version.ts';
import { AlertStrip } from './alert-strip.ts';
import { fetchAlerts } from '../alerts-api.ts';
import { AlertBook, tileMark } from '../lib/alerts.ts';
import type { Unit } from '../lib/format.ts';

export interface BoardParams {
  /** Seconds per board when rotating; null to stay on one board. */
  rotateSeconds: number | null;
  /** Beep when a tile enters critical (?sound=1). */
  sound: boolean;
  /** A fixed column count (?cols=N) instead of the automatic layout. */
  cols: number | null;
}

const SPARK_REDRAW_MS = BUCKET_MS;
const HISTORY_SAVE_MS = 30_000;
const BURN_IN_SHIFT_MS = 5 * 60_000;
/** The alert strip's values are those of each alert's last change: read the list again this often. */
const ALERTS_REFRESH_MS = 30_000;

export class BoardApp {
  private readonly live: LiveConnection;
  private readonly histories = new HistoryStore(browserStorage());
  private readonly rows = new Map<string, KpiRow>();
  private readonly clock: Clock;
  private readonly pill = new LinkPill();
  private readonly banner = new Banner();
  private readonly alerts = new AlertBook();
  private readonly alertStrip: AlertStrip;
  private alertsSynced = false;
  private alertsAt = 0;
  private readonly explain: ExplainPanel;
  private readonly alarm: Alarm | null;
  private readonly grid: HTMLElement;
  private readonly title: HTMLElement;
  private readonly site: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly rotation: HTMLElement;
  private readonly progress: HTMLElement;
  private tiles: TileView[] = [];
  private board: BoardDefinition | null = null;
  private link: LinkInfo = { state: 'connecting', attempt: 0, nextRetryAt: null, downSince: null };
  private serverStale = false;
  private serverReason: string | null = null;
  private confirmedAt: number | null = null;
  private rotateTimer: ReturnType<typeof setTimeout> | null = null;
  private subscriptionKey = '';

  constructor(
    private readonly root: HTMLElement,
    private boards: BoardsPayload,
    private readonly catalog: CatalogPayload,
    private boardId: string | null,
    private readonly params: BoardParams,
  ) {
    this.clock = new Clock(boards.timeZone);
    this.explain = new ExplainPanel(catalog, () => this.boards.timeZone);
    this.alarm = params.sound ? new Alarm() : null;
    this.alertStrip = new AlertStrip((kpi): Unit => this.catalog.kpis.find((entry) => entry.id === kpi)?.unit ?? (kpi.startsWith('ext.') ? 'number' : 'count'));
    this.site = h('span', { class: 'site' }, boards.siteName);
    this.title = h('h1', { class: 'board-title', 'data-testid': 'board-title' });
    this.rotation = h('span', { class: 'rotation', hidden: true });
    this.summary = h('div', { class: 'summary', 'data-testid': 'summary' });
    this.progress = h('div', { class: 'rotate-progress', hidden: true });
    this.grid = h('main', { class: 'grid', 'data-testid': 'grid' });
    const header = h('header', { class: 'topbar' },
      h('div', { class: 'brand' }, h('a', { class: 'logo', href: '/', 'aria-label': 'All boards' }, logo()), h('div', { class: 'brand-text' }, this.site, h('div', { class: 'title-line' }, this.title, this.rotation))),
      this.summary,
      h('div', { class: 'status' }, this.pill.element, this.clock.element),
      this.progress);
    clear(root);
    root.className = 'app board-app';
    // The banner takes its own row above the grid (which then shrinks) rather than covering tiles.
    // So does the strip of active alerts.
    root.append(h('div', { class: 'frame' }, header, this.banner.element, this.alertStrip.element, this.grid), this.explain.element);

    this.live = new LiveConnection({
      onUpdate: (update, at) => this.applyUpdate(update, at),
      onStatus: (status) => {
        this.serverStale = status.stale;
        this.serverReason = status.reason;
        this.refresh(Date.now());
      },
      onBoardsChanged: () => void this.reloadBoards(),
      onLink: (link) => {
        this.link = link;
        this.refresh(Date.now());
      },
      onReconnected: () => {
        void this.reloadBoards();
        void checkForNewVersion();
      },
      onAlert: (change) => {
        if (this.alerts.apply(change)) {
          this.showAlerts();
        }
      },
      onResync: (reason) => this.syncAlerts(reason),
    });

    this.grid.addEventListener('click', (event) => this.openFrom(event.target));
    this.grid.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        if (this.openFrom(event.target)) {
          event.preventDefault();
        }
      }
    });
    new ResizeObserver(() => this.layout()).observe(this.grid);
  }

  async start(): Promise<void> {
    this.show(this.boardId);
    this.startTimers();
    await this.live.start();
  }

  private startTimers(): void {
    const second = () => {
      const now = Date.now();
      this.refresh(now);
      // Align to the wall-clock second so the clock never skips or repeats a digit.
      setTimeout(second, 1000 - (Date.now() % 1000) + 5);
    };
    second();
    setInterval(() => {
      const now = Date.now();
      const live = this.isLive();
      for (const tile of this.tiles) {
        tile.sample(now, live);
        tile.drawSparkline(now);
      }
    }, SPARK_REDRAW_MS);
    setInterval(() => this.histories.save(), HISTORY_SAVE_MS);
    window.addEventListener('pagehide', () => this.histories.save());
    setInterval(() => this.shiftForBurnIn(), BURN_IN_SHIFT_MS);
    setInterval(() => {
      if (this.link.state === 'connected' && Date.now() - this.alertsAt >= ALERTS_REFRESH_MS) {
        void this.syncAlerts('refresh');
      }
    }, 5_000);
  }

  private isLive(): boolean {
    return this.link.state === 'connected' && !this.serverStale;
  }

  /** Shows a board (null: the first); with rotation, schedules the next. */
  private show(id: string | null): void {
    const boards = this.boards.boards;
    const board = (id !== null ? boards.find((candidate) => candidate.id === id) : boards[0]) ?? null;
    this.board = board;
    this.boardId = board?.id ?? id;
    this.explain.close();
    clear(this.grid);
    this.tiles = [];
    setText(this.site, this.boards.siteName);
    this.clock.setZone(this.boards.timeZone);
    if (!board) {
      setText(this.title, 'No such board');
      this.grid.append(notFound(id, boards));
      this.grid.classList.add('grid-message');
      document.title = 'Wallboard';
      return;
    }
    this.grid.classList.remove('grid-message');
    setText(this.title, board.title);
    document.title = `${board.title} · ${this.boards.siteName}`;
    if (window.location.pathname !== `/board/${board.id}`) {
      history.replaceState(null, '', `/board/${encodeURIComponent(board.id)}${window.location.search}`);
    }
    const now = Date.now();
    for (const definition of board.tiles) {
      const entry = this.catalog.kpis.find((kpi) => kpi.id === definition.kpi);
      const tile = new TileView(definition, entry, this.histories.get(tileKey(definition)));
      const row = this.rows.get(rowKey(definition.scope, definition.window));
      if (row && this.confirmedAt !== null) {
        tile.update(row.values[definition.kpi] ?? null, this.confirmedAt, false, row.lowSample?.includes(definition.kpi) ?? false);
      }
      tile.drawSparkline(now);
      this.tiles.push(tile);
      this.grid.append(tile.element);
    }
    this.layout();
    this.updateSummary();
    this.showAlerts();
    this.refresh(now);
    this.resubscribeIfChanged();
    this.scheduleRotation();
  }

  private scheduleRotation(): void {
    if (this.rotateTimer) {
      clearTimeout(this.rotateTimer);
      this.rotateTimer = null;
    }
    const seconds = this.params.rotateSeconds;
    const boards = this.boards.boards;
    if (seconds === null || boards.length < 2 || !this.board) {
      this.rotation.hidden = true;
      this.progress.hidden = true;
      return;
    }
    const index = boards.findIndex((board) => board.id === this.board?.id);
    this.rotation.hidden = false;
    this.rotation.replaceChildren(...boards.map((board, i) => h('span', { class: i === index ? 'dot dot-on' : 'dot', title: board.title })));
    this.progress.hidden = false;
    this.progress.style.setProperty('--rotate-seconds', `${seconds}s`);
    this.progress.classList.remove('running');
    void this.progress.offsetWidth;
    this.progress.classList.add('running');
    this.rotateTimer = setTimeout(() => {
      // Hold the board while someone reads an explanation.
      if (this.explain.isOpen) {
        this.scheduleRotation();
        return;
      }
      const next = boards[(index + 1) % boards.length];
      this.show(next?.id ?? null);
    }, seconds * 1000);
  }

  /** The scopes × windows of the board (all boards when rotating), as the hub's Subscribe takes them. */
  private subscriptionFor(): SubscribeRequest {
    const boards = this.params.rotateSeconds !== null ? this.boards.boards : this.board ? [this.board] : [];
    const scopes = new Set<string>();
    const windows = new Set<string>();
    for (const board of boards) {
      for (const tile of board.tiles) {
        scopes.add(tile.scope);
        windows.add(tile.window);
      }
    }
    return { scopes: [...scopes].sort(), windows: [...windows].sort() };
  }

  /** Subscribes when what the board needs changed (a rotation on the union subscription changes nothing). */
  private resubscribeIfChanged(): void {
    const request = this.subscriptionFor();
    const key = JSON.stringify(request);
    if (key !== this.subscriptionKey) {
      this.subscriptionKey = key;
      void this.live.subscribe(request).catch(() => undefined);
    }
  }

  private applyUpdate(update: KpiUpdate, at: number): void {
    this.serverStale = update.stale;
    if (!update.stale) {
      this.serverReason = null;
    }
    this.confirmedAt = at;
    const changed = new Set<string>();
    for (const row of update.rows) {
      const key = rowKey(row.scope, row.window);
      this.rows.set(key, row);
      changed.add(key);
      this.explain.changed(row.scope, row.window);
    }
    let enteredCritical = false;
    for (const tile of this.tiles) {
      const key = rowKey(tile.definition.scope, tile.definition.window);
      const row = this.rows.get(key);
      if (row && (changed.has(key) || tile.currentValue === undefined)) {
        // The first value a tile gets is not an event: only a change into critical rings.
        const hadValue = tile.currentValue !== undefined;
        const before = tile.update(row.values[tile.definition.kpi] ?? null, at, true, row.lowSample?.includes(tile.definition.kpi) ?? false);
        enteredCritical ||= hadValue && before !== 'critical' && tile.currentState === 'critical';
      } else {
        tile.confirm(at);
      }
    }
    if (enteredCritical) {
      this.alarm?.ring();
    }
    this.updateSummary();
    this.refresh(at);
  }

  private refresh(now: number): void {
    const connected = this.link.state === 'connected';
    for (const tile of this.tiles) {
      tile.refresh(now, { connected, serverStale: this.serverStale });
    }
    this.clock.tick(now);
    this.pill.show(this.link, this.serverStale);
    this.banner.show(this.link, this.serverStale, this.serverReason, now, this.confirmedAt);
    this.root.classList.toggle('offline', !connected);
    this.explain.tick(now);
  }

  /**
   * The whole alert list on every (re)connect (pushes missed while away) and every ALERTS_REFRESH_MS
   * (current values); a quiet board's probe fetches it only when the last attempt failed.
   */
  private async syncAlerts(reason: 'connect' | 'probe' | 'refresh'): Promise<boolean> {
    if (reason === 'probe' && this.alertsSynced) {
      return false;
    }
    this.alertsAt = Date.now();
    try {
      this.alerts.load(await fetchAlerts());
      this.alertsSynced = true;
      this.showAlerts();
      return true;
    } catch {
      this.alertsSynced = false;
      return false;
    }
  }

  /** The strip of active alerts, and the bell of each tile with an active alert on its KPI, scope and window. */
  private showAlerts(): void {
    const active = this.alerts.activeAlerts();
    const before = this.alertStrip.element.hidden;
    this.alertStrip.show(active, (alert) => this.tiles.some((tile) =>
      tile.definition.kpi === alert.kpi && tile.definition.scope === alert.scope && tile.definition.window === alert.window));
    for (const tile of this.tiles) {
      const alert = this.alerts.forTile(tile.definition.kpi, tile.definition.scope, tile.definition.window);
      tile.setAlert(alert ? tileMark(alert) : null);
    }
    if (before !== this.alertStrip.element.hidden) {
      // The strip took or gave back a row: the grid's shape changed.
      this.layout();
    }
  }

  private updateSummary(): void {
    let critical = 0;
    let warning = 0;
    let judged = 0;
    for (const tile of this.tiles) {
      const state = tile.currentState;
      critical += state === 'critical' ? 1 : 0;
      warning += state === 'warning' ? 1 : 0;
      judged += state === 'ok' || state === 'warning' || state === 'critical' ? 1 : 0;
    }
    const parts: HTMLElement[] = [];
    if (critical > 0) {
      parts.push(h('span', { class: 'sum sum-critical' }, stateIcon('critical'), `${critical} critical`));
    }
    if (warning > 0) {
      parts.push(h('span', { class: 'sum sum-warning' }, stateIcon('warning'), `${warning} warning`));
    }
    if (parts.length === 0 && judged > 0) {
      parts.push(h('span', { class: 'sum sum-ok' }, stateIcon('ok'), 'All on target'));
    }
    const signature = `${critical}|${warning}|${judged}`;
    if (this.summary.getAttribute('data-signature') !== signature) {
      setAttr(this.summary, 'data-signature', signature);
      this.summary.replaceChildren(...parts);
    }
  }

  private layout(): void {
    const count = this.tiles.length;
    if (count === 0) {
      return;
    }
    const style = getComputedStyle(this.grid);
    const gap = parseFloat(style.rowGap) || 0;
    const width = this.grid.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
    const height = this.grid.clientHeight - (parseFloat(style.paddingTop) || 0) - (parseFloat(style.paddingBottom) || 0);
    const layout = this.params.cols ? gridWithColumns(count, this.params.cols, width, height, gap) : gridFor(count, width, height, gap);
    this.grid.style.gridTemplateColumns = `repeat(${layout.cols}, minmax(0, 1fr))`;
    this.grid.style.gridTemplateRows = `repeat(${layout.rows}, minmax(0, 1fr))`;
    setAttr(this.grid, 'data-cols', String(layout.cols));
    setAttr(this.grid, 'data-rows', String(layout.rows));
  }

  private openFrom(target: EventTarget | null): boolean {
    const element = target instanceof Element ? target.closest<HTMLElement>('.tile') : null;
    if (!element) {
      return false;
    }
    const tile = this.tiles.find((candidate) => candidate.element === element);
    if (!tile) {
      return false;
    }
    this.alarm?.unlock();
    void this.explain.open(tile.definition, element);
    return true;
  }

  private async reloadBoards(): Promise<void> {
    try {
      const boards = await api.boards();
      const before = JSON.stringify(this.boards);
      this.boards = boards;
      if (JSON.stringify(boards) !== before) {
        this.show(this.boardId);
      }
    } catch {
      // The next reconnect or boardsChanged tries again; the current board stays up.
    }
  }

  private shiftForBurnIn(): void {
    const offsets = [-2, -1, 0, 1, 2];
    const pick = () => offsets[Math.floor(Math.random() * offsets.length)] ?? 0;
    this.root.style.setProperty('--shift-x', `${pick()}px`);
    this.root.style.setProperty('--shift-y', `${pick()}px`);
  }
}

function notFound(id: string | null, boards: BoardDefinition[]): HTMLElement {
  return h('div', { class: 'message' },
    h('h2', {}, id ? `There is no board “${id}”.` : 'No boards are configured.'),
    h('p', {}, boards.length > 0 ? 'These are:' : 'Add boards to the "Boards" section of appsettings.json; they appear here without a restart.'),
    h('ul', {}, ...boards.map((board) => h('li', {}, h('a', { href: `/board/${encodeURIComponent(board.id)}` }, board.title)))));
}

function logo(): SVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const icon = document.createElementNS(ns, 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('class', 'logo-mark');
  icon.setAttribute('aria-hidden', 'true');
  for (const [x, y, height] of [[3, 13, 8], [10, 8, 13], [17, 4, 17]] as const) {
    const bar = document.createElementNS(ns, 'rect');
    bar.setAttribute('x', String(x));
    bar.setAttribute('y', String(y));
    bar.setAttribute('width', '4.5');
    bar.setAttribute('height', String(height));
    bar.setAttribute('rx', '1.5');
    icon.appendChild(bar);
  }
  return icon;
}
