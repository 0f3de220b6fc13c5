// The agent view (/agent?queues=a,b): a compact panel an agent keeps beside their work. Per queue:
// contacts waiting, the longest wait (ticking every second between pushes), agents available and the
// 15-minute service level; below, the agents of those queues with their state and time in state
// (ticking too). Narrow, it is one column; on a wide screen the queues and agents spread out.

import { api, rowKey, type AgentPayload, type AgentsPayload, type CatalogPayload, type KpiUpdate } from '../api.ts';
import { LiveConnection, type LinkInfo } from '../live.ts';
import { clear, h, setAttr, setText, stateIcon } from '../lib/dom.ts';
import { formatCount, formatPercent, formatSeconds, NO_DATA } from '../lib/format.ts';
import { humanize } from '../lib/labels.ts';
import { compareAgents, secondsInState, ticking } from '../lib/agents.ts';
import { staleReason } from '../lib/staleness.ts';
import { stateOf, STATE_WORDS, type Thresholds, type TileState } from '../lib/thresholds.ts';
import { Banner, Clock, LinkPill } from './chrome.ts';
import { checkForNewVersion } from './version.ts';

const STATE_ORDER = ['available', 'busy', 'wrapup', 'away', 'offline'];
const STATE_NAMES: Record<string, string> = {
  available: 'Available',
  busy: 'On contact',
  wrapup: 'Wrap-up',
  away: 'Away',
  offline: 'Offline',
};

interface QueueValue {
  value: number | null;
  receivedAt: number;
}

class QueueCard {
  readonly element: HTMLElement;
  private readonly waiting: HTMLElement;
  private readonly longest: HTMLElement;
  private readonly longestBox: HTMLElement;
  private readonly available: HTMLElement;
  private readonly sl: HTMLElement;
  private readonly slBox: HTMLElement;
  private longestWait: QueueValue = { value: null, receivedAt: 0 };

  constructor(readonly queue: string, private readonly longestThresholds: Thresholds | null, private readonly slThresholds: Thresholds | null) {
    this.waiting = h('span', { class: 'metric-value', 'data-testid': 'waiting' }, NO_DATA);
    this.longest = h('span', { class: 'metric-value', 'data-testid': 'longest' }, NO_DATA);
    this.available = h('span', { class: 'metric-value', 'data-testid': 'available' }, NO_DATA);
    this.sl = h('span', { class: 'metric-value', 'data-testid': 'sl' }, NO_DATA);
    this.longestBox = metric('Longest wait', this.longest, 'longest');
    this.slBox = metric('Service level · 15 min', this.sl, 'sl');
    this.element = h('article', { class: 'queue-card', 'data-queue': queue, 'data-testid': 'queue' },
      h('h2', { class: 'queue-name' }, humanize(queue)),
      h('div', { class: 'metrics' }, metric('Waiting', this.waiting, 'waiting'), this.longestBox, metric('Agents available', this.available, 'available'), this.slBox));
  }

  update(values: Record<string, number | null> | undefined, sla: Record<string, number | null> | undefined, at: number, slaLowSample = false): void {
    if (values) {
      setText(this.waiting, countText(values['contactsWaiting']));
      setText(this.available, countText(values['agentsAvailable']));
      this.longestWait = { value: values['longestWait'] ?? null, receivedAt: at };
    }
    if (sla) {
      const value = sla['serviceLevel'] ?? null;
      setText(this.sl, value === null || value === undefined ? NO_DATA : `${formatPercent(value)} %`);
      markState(this.slBox, stateOf(value, this.slThresholds, slaLowSample));
    }
    this.tick(at);
  }

  tick(now: number): void {
    const seconds = ticking(this.longestWait.value, this.longestWait.receivedAt, now);
    setText(this.longest, seconds === null ? NO_DATA : formatSeconds(seconds));
    markState(this.longestBox, seconds === null ? 'nodata' : stateOf(seconds, this.longestThresholds));
  }
}

function metric(label: string, value: HTMLElement, name: string): HTMLElement {
  return h('div', { class: 'metric', 'data-metric': name }, h('span', { class: 'metric-label' }, label),
    h('span', { class: 'metric-row' }, value, h('span', { class: 'metric-state' })));
}

function markState(box: HTMLElement, state: TileState): void {
  if (box.getAttribute('data-state') === state) {
    return;
  }
  setAttr(box, 'data-state', state);
  box.className = `metric state-${state}`;
  const holder = box.querySelector('.metric-state');
  if (holder) {
    holder.replaceChildren(...(state === 'none' || state === 'nodata' ? [] : [stateIcon(state), STATE_WORDS[state]]));
  }
}

function countText(value: number | null | undefined): string {
  return value === null || value === undefined ? NO_DATA : formatCount(value);
}

export class AgentApp {
  private readonly live: LiveConnection;
  private readonly clock: Clock;
  private readonly pill = new LinkPill();
  private readonly banner = new Banner();
  private readonly cards = new Map<string, QueueCard>();
  private readonly list: HTMLElement;
  private readonly counts: HTMLElement;
  private readonly queueBox: HTMLElement;
  private agents: AgentsPayload | null = null;
  private agentsAt = 0;
  private link: LinkInfo = { state: 'connecting', attempt: 0, nextRetryAt: null, downSince: null };
  private serverStale = false;
  private serverReason: string | null = null;
  private confirmedAt: number | null = null;
  private rows = new Map<string, Record<string, number | null>>();

  constructor(
    private readonly root: HTMLElement,
    private queues: string[],
    private readonly catalog: CatalogPayload,
    timeZone: string,
    siteName: string,
  ) {
    this.clock = new Clock(timeZone);
    this.list = h('ul', { class: 'agent-list', 'data-testid': 'agents' });
    this.counts = h('div', { class: 'agent-counts' });
    this.queueBox = h('section', { class: 'queues', 'aria-label': 'Queues' });
    const header = h('header', { class: 'topbar topbar-compact' },
      h('div', { class: 'brand' }, h('a', { class: 'logo', href: '/', 'aria-label': 'All boards' }, 'W'),
        h('div', { class: 'brand-text' }, h('span', { class: 'site' }, siteName), h('h1', { class: 'board-title' }, 'My queues'))),
      h('div', { class: 'status' }, this.pill.element, this.clock.element));
    clear(root);
    root.className = 'app agent-app';
    root.append(h('div', { class: 'frame' }, header, this.banner.element, this.queueBox,
      h('section', { class: 'agents' }, h('div', { class: 'agents-head' }, h('h2', {}, 'Agents'), this.counts), this.list)));
    this.live = new LiveConnection({
      onUpdate: (update, at) => this.applyUpdate(update, at),
      onAgents: (agents, at) => {
        this.agents = agents;
        this.agentsAt = at;
        this.renderAgents(at);
      },
      onStatus: (status) => {
        this.serverStale = status.stale;
        this.serverReason = status.reason;
      },
      onLink: (link) => {
        this.link = link;
        this.refresh(Date.now());
      },
      onReconnected: () => void checkForNewVersion(),
    });
  }

  async start(): Promise<void> {
    if (this.queues.length === 0) {
      // No ?queues=: every queue the server has seen.
      const scopes = await api.scopes();
      this.queues = scopes.scopes.filter((scope) => scope.startsWith('queue:')).map((scope) => scope.slice('queue:'.length)).sort();
    }
    document.title = `Agent view · ${this.queues.map(humanize).join(', ') || 'all queues'}`;
    const thresholds = (kpi: string) => this.catalog.kpis.find((entry) => entry.id === kpi)?.thresholds ?? null;
    for (const queue of this.queues) {
      const card = new QueueCard(queue, thresholds('longestWait'), thresholds('serviceLevel'));
      this.cards.set(queue, card);
      this.queueBox.append(card.element);
    }
    const second = () => {
      this.refresh(Date.now());
      setTimeout(second, 1000 - (Date.now() % 1000) + 5);
    };
    second();
    await this.live.subscribe({ scopes: this.queues.map((queue) => `queue:${queue}`), windows: ['now', '15m'] });
    await this.live.subscribeAgents(this.queues);
    await this.live.start();
  }

  private applyUpdate(update: KpiUpdate, at: number): void {
    this.serverStale = update.stale;
    this.confirmedAt = at;
    for (const row of update.rows) {
      this.rows.set(rowKey(row.scope, row.window), row.values);
      const queue = row.scope.startsWith('queue:') ? row.scope.slice('queue:'.length) : null;
      const card = queue ? this.cards.get(queue) : undefined;
      if (card) {
        card.update(row.window === 'now' ? row.values : undefined, row.window === '15m' ? row.values : undefined, at,
          row.window === '15m' && (row.lowSample?.includes('serviceLevel') ?? false));
      }
    }
    this.refresh(at);
  }

  private refresh(now: number): void {
    const connected = this.link.state === 'connected';
    for (const card of this.cards.values()) {
      card.tick(now);
    }
    this.tickAgents(now);
    this.clock.tick(now);
    this.pill.show(this.link, this.serverStale);
    this.banner.show(this.link, this.serverStale, this.serverReason, now, this.confirmedAt);
    const reason = staleReason({ connected, serverStale: this.serverStale, confirmedAt: this.confirmedAt, now });
    this.root.classList.toggle('stale', reason !== null);
    setAttr(this.root, 'data-stale', reason ?? '');
  }

  private renderAgents(at: number): void {
    const payload = this.agents;
    if (!payload) {
      return;
    }
    const present = payload.agents.filter((agent) => agent.state !== 'offline');
    const offline = payload.agents.length - present.length;
    present.sort(compareAgents<AgentPayload>(payload.asOf));
    const items = present.map((agent) => {
      const time = h('span', { class: 'agent-time', 'data-base': String(secondsInState(agent, payload.asOf) ?? '') });
      return h('li', { class: `agent agent-${agent.state}`, 'data-agent': agent.id, 'data-state': agent.state },
        h('span', { class: 'agent-dot', 'aria-hidden': 'true' }),
        h('span', { class: 'agent-name' }, agent.name ?? agent.id),
        h('span', { class: 'agent-state' }, STATE_NAMES[agent.state] ?? agent.state),
        time);
    });
    if (items.length === 0) {
      items.push(h('li', { class: 'agent agent-none' }, payload.agents.length === 0 ? 'No agents in these queues yet.' : 'Every agent of these queues is offline.'));
    }
    this.list.replaceChildren(...items);
    const byState = new Map<string, number>();
    for (const agent of present) {
      byState.set(agent.state, (byState.get(agent.state) ?? 0) + 1);
    }
    this.counts.replaceChildren(
      ...STATE_ORDER.filter((state) => state !== 'offline' && byState.has(state)).map((state) =>
        h('span', { class: `count count-${state}` }, h('span', { class: 'agent-dot', 'aria-hidden': 'true' }), `${byState.get(state)} ${STATE_NAMES[state]?.toLowerCase()}`)),
      offline > 0 ? h('span', { class: 'count count-offline' }, `${offline} offline`) : '');
    this.tickAgents(at);
  }

  private tickAgents(now: number): void {
    for (const time of this.list.querySelectorAll<HTMLElement>('.agent-time')) {
      const base = time.dataset['base'];
      const seconds = base === undefined || base === '' ? null : ticking(Number(base), this.agentsAt, now);
      setText(time, seconds === null ? NO_DATA : formatSeconds(seconds));
    }
  }
}
