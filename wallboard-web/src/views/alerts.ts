// The leads console (/alerts): active alerts first (severity by colour, icon and word; value against the
// level; firing for how long, ticking; who acknowledged, when, and their note), then breaches still
// pending, then what resolved in the last 7 days, each with its timeline. An alert is acknowledged here
// with a name (remembered in this browser) and a note. It stays current through the hub (AlertChanged,
// on the same reconnect-forever link as the boards) and reloads the whole list on every reconnect and
// every probe of a quiet link (pending breaches are not pushed). Filters: severity and scope text.

import { api, type BoardsPayload, type CatalogPayload } from '../api.ts';
import { acknowledgeAlert, AckError, fetchAlerts } from '../alerts-api.ts';
import { LiveConnection, type LinkInfo } from '../live.ts';
import {
  ackRequest, alertName, alertValueText, AlertBook, configErrorText, countsText, formatAt, formatDuration, isClearing, matchesFilter,
  rememberedName, rememberName, secondsSince, ServerClock, thresholdText, timelineWords,
  type Alert, type AlertChangeMessage, type AlertFilter, type SeverityFilter,
} from '../lib/alerts.ts';
import { clear, h, setAttr, setText, stateIcon } from '../lib/dom.ts';
import type { Unit } from '../lib/format.ts';
import { scopeCaption, windowCaption } from '../lib/labels.ts';
import type { Thresholds } from '../lib/thresholds.ts';
import { bellIcon } from './alert-strip.ts';
import { Banner, Clock, LinkPill } from './chrome.ts';
import { checkForNewVersion } from './version.ts';

type Section = 'active' | 'pending' | 'recent';

/** A full reload at least this often even while pushes keep the link busy (values and pending breaches move). */
const RELOAD_EVERY_MS = 10_000;

interface Context {
  unitOf(kpi: string): Unit;
  thresholdsOf(kpi: string): Thresholds | null;
  timeZone: string;
  serverNow(): number;
  acknowledge(row: AlertRow, by: string, note: string | null): Promise<void>;
  storage: Storage | null;
}

let rowCounter = 0;

/** One alert in one section of the console. */
class AlertRow {
  readonly element: HTMLElement;
  private readonly severity: HTMLElement;
  private readonly name: HTMLElement;
  private readonly window: HTMLElement;
  private readonly value: HTMLElement;
  private readonly threshold: HTMLElement;
  private readonly scope: HTMLElement;
  private readonly ack: HTMLElement;
  private readonly phaseTag: HTMLElement;
  private readonly forText: HTMLElement;
  private readonly since: HTMLElement;
  private readonly ackOpen: HTMLButtonElement;
  private readonly timelineToggle: HTMLButtonElement;
  private readonly timeline: HTMLOListElement;
  private readonly form: HTMLFormElement;
  private readonly nameInput: HTMLInputElement;
  private readonly noteInput: HTMLInputElement;
  private readonly submit: HTMLButtonElement;
  private readonly error: HTMLElement;
  private alert!: Alert;
  private signature = '';

  constructor(readonly section: Section, alert: Alert, private readonly context: Context) {
    const id = `alert-${++rowCounter}`;
    this.severity = h('span', { class: 'alert-sev', 'data-testid': 'alert-severity' });
    this.name = h('h3', { class: 'alert-name', 'data-testid': 'alert-name' });
    this.window = h('span', { class: 'alert-window' });
    this.value = h('strong', { class: 'alert-value', 'data-testid': 'alert-value' });
    this.threshold = h('span', { class: 'alert-threshold', 'data-testid': 'alert-threshold' });
    this.scope = h('span', { class: 'alert-scope' });
    this.ack = h('p', { class: 'alert-ack', 'data-testid': 'alert-ack', hidden: true });
    this.phaseTag = h('span', { class: 'alert-tag', hidden: true });
    this.forText = h('span', { class: 'alert-for', 'data-testid': 'alert-for' });
    this.since = h('span', { class: 'alert-since' });
    this.ackOpen = h('button', { type: 'button', class: 'btn btn-primary', 'data-testid': 'ack-open', 'aria-expanded': 'false', 'aria-controls': `${id}-ack` }, 'Acknowledge…');
    this.timelineToggle = h('button', { type: 'button', class: 'btn btn-quiet', 'data-testid': 'timeline-toggle', 'aria-expanded': 'false', 'aria-controls': `${id}-timeline` });
    this.timeline = h('ol', { class: 'timeline', id: `${id}-timeline`, 'data-testid': 'timeline', hidden: true });
    this.nameInput = h('input', { type: 'text', name: 'by', id: `${id}-by`, class: 'field', maxlength: 128, autocomplete: 'name', required: true, 'data-testid': 'ack-name' });
    this.noteInput = h('input', { type: 'text', name: 'note', id: `${id}-note`, class: 'field field-wide', maxlength: 2000, placeholder: 'What is being done (optional)', 'data-testid': 'ack-note' });
    this.submit = h('button', { type: 'submit', class: 'btn btn-primary', 'data-testid': 'ack-submit' }, 'Acknowledge');
    this.error = h('p', { class: 'ack-error', role: 'alert', 'data-testid': 'ack-error' });
    const cancel = h('button', { type: 'button', class: 'btn btn-quiet', 'data-testid': 'ack-cancel' }, 'Cancel');
    this.form = h('form', { class: 'ack-form', id: `${id}-ack`, hidden: true, 'data-testid': 'ack-form', 'aria-label': 'Acknowledge this alert' },
      h('label', { class: 'ack-field', for: `${id}-by` }, h('span', {}, 'Your name'), this.nameInput),
      h('label', { class: 'ack-field ack-field-wide', for: `${id}-note` }, h('span', {}, 'Note'), this.noteInput),
      h('div', { class: 'ack-buttons' }, this.submit, cancel),
      this.error);
    this.element = h('li', { class: 'alert-row', 'data-testid': 'alert-row', 'data-section': section },
      this.severity,
      h('div', { class: 'alert-main' },
        h('div', { class: 'alert-title' }, this.name, this.window),
        h('p', { class: 'alert-facts' }, this.value, this.threshold, this.scope),
        this.ack),
      h('div', { class: 'alert-when' }, this.phaseTag, this.forText, this.since),
      h('div', { class: 'alert-actions' }, section === 'active' ? this.ackOpen : null, this.timelineToggle),
      this.form,
      this.timeline);

    this.ackOpen.addEventListener('click', () => this.openForm());
    cancel.addEventListener('click', () => this.closeForm(true));
    this.form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.closeForm(true);
      }
    });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.send();
    });
    this.timelineToggle.addEventListener('click', () => {
      const open = this.timeline.hidden;
      this.timeline.hidden = !open;
      setAttr(this.timelineToggle, 'aria-expanded', String(open));
      this.element.classList.toggle('expanded', open);
    });
    this.update(alert);
  }

  get id(): string {
    return this.alert.id;
  }

  update(alert: Alert): void {
    this.alert = alert;
    const signature = JSON.stringify(alert);
    if (signature === this.signature) {
      return;
    }
    this.signature = signature;
    const unit = this.context.unitOf(alert.kpi);
    const acked = alert.acknowledged !== null;
    const noData = alert.phase === 'noData';
    this.element.className = `alert-row sev-${alert.severity} phase-${alert.phase}${acked ? ' acked' : ''}${this.timeline.hidden ? '' : ' expanded'}`;
    setAttr(this.element, 'data-alert-id', alert.id);
    setAttr(this.element, 'data-severity', alert.severity);
    setAttr(this.element, 'data-phase', alert.phase);
    setAttr(this.element, 'data-acknowledged', acked ? 'true' : 'false');
    this.severity.replaceChildren(stateIcon(alert.severity), h('span', {}, alert.severity === 'critical' ? 'Critical' : 'Warning'));
    setText(this.name, alertName(alert));
    setText(this.window, windowCaption(alert.window));
    // A resolved alert's last value says little (often none: nobody waits any more): show what it fired at.
    const fired = alert.timeline.find((step) => step.kind === 'fired');
    setText(this.value, this.section === 'recent' && fired ? `fired at ${alertValueText(fired.value, unit)}` : alertValueText(alert.value, unit));
    const level = thresholdText(this.context.thresholdsOf(alert.kpi), alert.severity, unit);
    setText(this.threshold, level ? `vs ${level}` : '');
    this.scope.replaceChildren(scopeCaption(alert.scope), ' · rule ', h('code', {}, alert.ruleId));
    if (alert.acknowledged) {
      const note = alert.acknowledged.note ? h('q', { class: 'alert-note' }, alert.acknowledged.note) : null;
      this.ack.replaceChildren(h('span', { class: 'ack-mark' }, '✓'), ' Acknowledged by ', h('strong', {}, alert.acknowledged.by),
        ` at ${formatAt(alert.acknowledged.at, this.context.timeZone, this.context.serverNow())}`, ...(note ? [': ', note] : []));
    }
    this.ack.hidden = !alert.acknowledged;
    this.ackOpen.hidden = acked || this.section !== 'active';
    if (acked && !this.form.hidden) {
      this.closeForm(false);
    }
    const tag = noData ? 'No data' : isClearing(alert) ? 'Clearing' : '';
    setText(this.phaseTag, tag);
    this.phaseTag.hidden = tag === '';
    setText(this.timelineToggle, `Timeline (${alert.timeline.length})`);
    this.timelineToggle.hidden = alert.timeline.length === 0;
    this.renderTimeline(unit);
    this.tick(this.context.serverNow());
  }

  /** Every second: how long it has been firing (or pending), on the server's clock. */
  tick(serverNow: number): void {
    const alert = this.alert;
    const zone = this.context.timeZone;
    if (this.section === 'recent') {
      const lasted = alert.firedAt && alert.resolvedAt ? secondsSince(alert.firedAt, Date.parse(alert.resolvedAt)) : null;
      setText(this.forText, lasted === null ? 'Resolved' : `Lasted ${formatDuration(lasted)}`);
      setText(this.since, `resolved ${formatAt(alert.resolvedAt, zone, serverNow)}`);
      return;
    }
    if (this.section === 'pending') {
      const seconds = secondsSince(alert.breachedSince, serverNow);
      setText(this.forText, seconds === null ? 'Pending' : `Breached for ${formatDuration(seconds)}`);
      setText(this.since, `since ${formatAt(alert.breachedSince, zone, serverNow)} · not fired yet`);
      return;
    }
    const seconds = secondsSince(alert.firedAt, serverNow);
    setText(this.forText, seconds === null ? 'Firing' : `Firing for ${formatDuration(seconds)}`);
    setText(this.since, `since ${formatAt(alert.firedAt, zone, serverNow)}`);
  }

  private renderTimeline(unit: Unit): void {
    const zone = this.context.timeZone;
    const now = this.context.serverNow();
    this.timeline.replaceChildren(...this.alert.timeline.map((entry) =>
      h('li', { class: `step step-${entry.kind}`, 'data-kind': entry.kind, 'data-testid': 'timeline-step' },
        h('time', { datetime: entry.at }, formatAt(entry.at, zone, now)),
        h('span', { class: `step-sev sev-${entry.severity}` }, stateIcon(entry.severity)),
        h('span', { class: 'step-what' }, timelineWords(entry)),
        h('span', { class: 'step-value' }, `${entry.severity} · ${alertValueText(entry.value, unit)}`),
        entry.note ? h('q', { class: 'step-note' }, entry.note) : null)));
  }

  private openForm(): void {
    this.form.hidden = false;
    setAttr(this.ackOpen, 'aria-expanded', 'true');
    this.ackOpen.hidden = true;
    setText(this.error, '');
    if (!this.nameInput.value) {
      this.nameInput.value = rememberedName(this.context.storage);
    }
    (this.nameInput.value ? this.noteInput : this.nameInput).focus();
  }

  private closeForm(focusBack: boolean): void {
    this.form.hidden = true;
    setAttr(this.ackOpen, 'aria-expanded', 'false');
    this.ackOpen.hidden = this.alert.acknowledged !== null;
    if (focusBack && !this.ackOpen.hidden) {
      this.ackOpen.focus();
    }
  }

  private async send(): Promise<void> {
    const request = ackRequest(this.nameInput.value, this.noteInput.value);
    if ('error' in request) {
      setText(this.error, request.error);
      this.nameInput.focus();
      return;
    }
    this.submit.disabled = true;
    setText(this.error, '');
    try {
      await this.context.acknowledge(this, request.by, request.note);
      rememberName(this.context.storage, request.by);
      this.noteInput.value = '';
      this.closeForm(false);
      // The row keeps the focus for the keyboard: on its timeline toggle.
      this.timelineToggle.focus();
    } catch (error) {
      setText(this.error, error instanceof AckError ? error.message : String(error));
    } finally {
      this.submit.disabled = false;
    }
  }
}

/** One section (active, pending, recent) and its rows, in order, keyed by alert id. */
class SectionView {
  readonly element: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly count: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly rows = new Map<string, AlertRow>();

  constructor(readonly section: Section, title: string, private readonly emptyText: string, private readonly context: Context) {
    const headingId = `section-${section}`;
    this.count = h('span', { class: 'section-count', 'data-testid': `${section}-count` }, '0');
    this.list = h('ol', { class: 'alert-list', 'data-testid': `${section}-list` });
    this.empty = h('p', { class: 'section-empty' }, emptyText);
    this.element = h('section', { class: `console-section section-${section}`, 'aria-labelledby': headingId },
      h('h2', { id: headingId }, title, ' ', this.count), this.list, this.empty);
  }

  /**
   * Shows `alerts` in this order. Rows of alerts still in the section but hidden by the filter are kept
   * (detached), so an open timeline or a half-typed note survives a change of filter.
   */
  show(alerts: Alert[], all: Alert[]): void {
    const hidden = all.length - alerts.length;
    const kept = new Set(all.map((alert) => alert.id));
    const seen = new Set<string>();
    const focused = document.activeElement;
    alerts.forEach((alert, index) => {
      seen.add(alert.id);
      let row = this.rows.get(alert.id);
      if (row) {
        row.update(alert);
      } else {
        row = new AlertRow(this.section, alert, this.context);
        this.rows.set(alert.id, row);
      }
      if (this.list.children[index] !== row.element) {
        this.list.insertBefore(row.element, this.list.children[index] ?? null);
      }
    });
    for (const [id, row] of this.rows) {
      if (!seen.has(id)) {
        row.element.remove();
        if (!kept.has(id)) {
          this.rows.delete(id);
        }
      }
    }
    // Moving a row in the list can take the focus from a field in it: give it back.
    if (focused instanceof HTMLElement && focused.isConnected && document.activeElement !== focused) {
      focused.focus();
    }
    setText(this.count, String(alerts.length));
    this.empty.hidden = alerts.length > 0;
    setText(this.empty, hidden > 0 ? `${this.emptyText.replace(/\.$/, '')} matching the filter (${hidden} hidden).` : this.emptyText);
  }

  tick(serverNow: number): void {
    for (const row of this.rows.values()) {
      row.tick(serverNow);
    }
  }
}

export class AlertsApp {
  private readonly live: LiveConnection;
  private readonly book = new AlertBook();
  private readonly clock: Clock;
  private readonly serverClock = new ServerClock();
  private readonly pill = new LinkPill();
  private readonly banner = new Banner();
  private readonly summary: HTMLElement;
  private readonly loadError: HTMLElement;
  private readonly configError: HTMLElement;
  private readonly announcer: HTMLElement;
  private readonly textInput: HTMLInputElement;
  private readonly sections: Record<Section, SectionView>;
  private readonly storage: Storage | null;
  private filter: AlertFilter;
  private link: LinkInfo = { state: 'connecting', attempt: 0, nextRetryAt: null, downSince: null };
  private lastLoadAt = 0;
  private loading: Promise<boolean> | null = null;

  constructor(private readonly root: HTMLElement, private readonly boards: BoardsPayload, private readonly catalog: CatalogPayload) {
    this.storage = browserStorage();
    const search = new URLSearchParams(window.location.search);
    const severity = search.get('severity');
    this.filter = {
      severity: severity === 'critical' || severity === 'warning' ? severity : 'all',
      text: search.get('q') ?? '',
    };
    this.clock = new Clock(boards.timeZone);
    const context: Context = {
      unitOf: (kpi) => this.entry(kpi)?.unit ?? (kpi.startsWith('ext.') ? 'number' : 'count'),
      thresholdsOf: (kpi) => this.entry(kpi)?.thresholds ?? null,
      timeZone: boards.timeZone,
      serverNow: () => this.serverClock.now(Date.now()),
      acknowledge: (row, by, note) => this.acknowledge(row, by, note),
      storage: this.storage,
    };
    this.summary = h('div', { class: 'summary', 'data-testid': 'summary' });
    this.loadError = h('p', { class: 'console-error', role: 'alert', hidden: true });
    this.configError = h('p', { class: 'console-error', role: 'alert', 'data-testid': 'config-error', hidden: true });
    this.announcer = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'data-testid': 'announce' });
    this.sections = {
      active: new SectionView('active', 'Active', 'No active alerts.', context),
      pending: new SectionView('pending', 'Pending', 'Nothing pending: no breach is waiting out its rule’s minimum duration.', context),
      recent: new SectionView('recent', 'Resolved · last 7 days', 'Nothing resolved in the last 7 days.', context),
    };

    const severityGroup = h('fieldset', { class: 'seg', 'data-testid': 'filter-severity' },
      h('legend', { class: 'visually-hidden' }, 'Severity'),
      ...(['all', 'critical', 'warning'] as const).map((value) => {
        const input = h('input', { type: 'radio', name: 'severity', value, 'data-testid': `filter-${value}`, checked: this.filter.severity === value });
        input.addEventListener('change', () => {
          if (input.checked) {
            this.setFilter({ ...this.filter, severity: value as SeverityFilter });
          }
        });
        return h('label', { class: 'seg-option' }, input,
          h('span', {}, value === 'all' ? null : stateIcon(value), value === 'all' ? 'All' : value === 'critical' ? 'Critical' : 'Warning'));
      }));
    this.textInput = h('input', {
      type: 'search', id: 'alerts-filter', class: 'field', placeholder: 'Scope or KPI, e.g. sales', autocomplete: 'off',
      'data-testid': 'filter-text', 'aria-describedby': 'alerts-filter-hint',
    });
    this.textInput.value = this.filter.text;
    this.textInput.addEventListener('input', () => this.setFilter({ ...this.filter, text: this.textInput.value }));
    const tools = h('div', { class: 'console-tools', role: 'search', 'aria-label': 'Filter alerts' },
      severityGroup,
      h('label', { class: 'tool-field', for: 'alerts-filter' }, h('span', {}, 'Filter'), this.textInput),
      h('span', { class: 'console-hint', id: 'alerts-filter-hint' }, 'Press / to filter. Times are the server’s, in ', boards.timeZone, '.'));

    const header = h('header', { class: 'topbar topbar-compact console-head' },
      h('div', { class: 'brand' },
        h('a', { class: 'logo', href: '/', 'aria-label': 'All boards' }, bellIcon()),
        h('div', { class: 'brand-text' }, h('span', { class: 'site' }, boards.siteName), h('h1', { class: 'board-title' }, 'Alerts'))),
      this.summary,
      h('div', { class: 'status' }, this.pill.element, this.clock.element));
    clear(root);
    root.className = 'app alerts-app';
    root.append(h('div', { class: 'console' }, header, this.banner.element, this.configError, tools, this.loadError,
      h('main', { class: 'console-main' }, this.sections.active.element, this.sections.pending.element, this.sections.recent.element)),
    this.announcer);
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable]');
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        this.textInput.focus();
        this.textInput.select();
      }
    });

    this.live = new LiveConnection({
      onUpdate: () => undefined,
      onLink: (link) => {
        this.link = link;
        this.refresh(Date.now());
      },
      onAlert: (change, at) => this.applyChange(change, at),
      onResync: () => this.load(),
      onReconnected: () => void checkForNewVersion(),
    });
  }

  async start(): Promise<void> {
    document.title = `Alerts · ${this.boards.siteName}`;
    this.render();
    const second = () => {
      const now = Date.now();
      this.refresh(now);
      if (this.link.state === 'connected' && now - this.lastLoadAt >= RELOAD_EVERY_MS) {
        void this.load();
      }
      setTimeout(second, 1000 - (Date.now() % 1000) + 5);
    };
    second();
    await this.live.start();
  }

  private entry(kpi: string) {
    return this.catalog.kpis.find((entry) => entry.id === kpi);
  }

  /** The whole list (on connect, reconnect, every probe, and every RELOAD_EVERY_MS); true when the server answered. */
  private load(): Promise<boolean> {
    this.loading ??= (async () => {
      try {
        const payload = await fetchAlerts();
        const at = Date.now();
        this.serverClock.observe(payload.asOf, at);
        this.book.load(payload);
        this.lastLoadAt = at;
        this.loadError.hidden = true;
        this.showConfigError(payload.configError);
        this.render();
        return true;
      } catch (error) {
        this.lastLoadAt = Date.now();
        this.loadError.hidden = false;
        setText(this.loadError, `The alert list could not be loaded (${error instanceof Error ? error.message : String(error)}). Showing what was known; trying again.`);
        return false;
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  private showConfigError(configError: string | null | undefined): void {
    const text = configErrorText(configError);
    this.configError.hidden = text === null;
    // Unchanged text is left alone, so that a reload does not announce the same warning again.
    setText(this.configError, text ?? '');
  }

  private applyChange(message: AlertChangeMessage, at: number): void {
    const last = message.alert.timeline[message.alert.timeline.length - 1];
    this.serverClock.observe(last?.at, at);
    if (!this.book.apply(message)) {
      return;
    }
    this.render();
    const change = message.change;
    if (change === 'fired' || change === 'escalated' || change === 'resolved' || change === 'acknowledged') {
      const words = { fired: 'New alert', escalated: 'Escalated to critical', resolved: 'Resolved', acknowledged: 'Acknowledged' }[change];
      setText(this.announcer, `${words}: ${alertName(message.alert)}, ${message.alert.severity}.`);
    }
  }

  private async acknowledge(row: AlertRow, by: string, note: string | null): Promise<void> {
    const alert = await acknowledgeAlert(row.id, by, note);
    this.book.apply({ change: 'acknowledged', alert });
    this.render();
    setText(this.announcer, `Acknowledged: ${alertName(alert)}.`);
  }

  private setFilter(filter: AlertFilter): void {
    this.filter = filter;
    const search = new URLSearchParams(window.location.search);
    if (filter.severity === 'all') {
      search.delete('severity');
    } else {
      search.set('severity', filter.severity);
    }
    if (filter.text.trim()) {
      search.set('q', filter.text.trim());
    } else {
      search.delete('q');
    }
    const query = search.toString();
    history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
    this.render();
  }

  private render(): void {
    const lists: Record<Section, Alert[]> = {
      active: this.book.activeAlerts(),
      pending: this.book.pendingAlerts(),
      recent: this.book.recentAlerts(),
    };
    for (const section of ['active', 'pending', 'recent'] as const) {
      const all = lists[section];
      const shown = all.filter((alert) => matchesFilter(alert, this.filter));
      this.sections[section].show(shown, all);
    }
    const critical = lists.active.filter((alert) => alert.severity === 'critical').length;
    const warning = lists.active.length - critical;
    const open = lists.active.filter((alert) => alert.acknowledged === null).length;
    const parts: HTMLElement[] = [];
    if (critical > 0) {
      parts.push(h('span', { class: 'sum sum-critical' }, stateIcon('critical'), `${critical} critical`));
    }
    if (warning > 0) {
      parts.push(h('span', { class: 'sum sum-warning' }, stateIcon('warning'), `${warning} warning${warning === 1 ? '' : 's'}`));
    }
    if (lists.active.length > 0) {
      parts.push(h('span', { class: 'sum sum-open' }, open === 0 ? 'all acknowledged' : `${open} not acknowledged`));
    } else if (this.book.isLoaded) {
      parts.push(h('span', { class: 'sum sum-ok' }, stateIcon('ok'), 'No active alerts'));
    }
    const signature = JSON.stringify([critical, warning, open, this.book.isLoaded]);
    if (this.summary.getAttribute('data-signature') !== signature) {
      setAttr(this.summary, 'data-signature', signature);
      setAttr(this.summary, 'aria-label', countsText(critical, warning) || 'No active alerts');
      this.summary.replaceChildren(...parts);
    }
    document.title = `${open > 0 ? `(${open}) ` : ''}Alerts · ${this.boards.siteName}`;
  }

  private refresh(now: number): void {
    // The console's clock is the server's, like every time on it (they differ on a replay or the event clock).
    this.clock.tick(this.serverClock.now(now));
    this.pill.show(this.link, false);
    this.banner.show(this.link, false, null, now, this.lastLoadAt || null);
    this.root.classList.toggle('offline', this.link.state !== 'connected');
    const serverNow = this.serverClock.now(now);
    for (const section of Object.values(this.sections)) {
      section.tick(serverNow);
    }
  }
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The console's page: the site's name and time zone (boards) and the KPI units and levels (catalog). */
export async function startAlerts(root: HTMLElement): Promise<void> {
  const [boards, catalog] = await Promise.all([api.boards(), api.catalog()]);
  await new AlertsApp(root, boards, catalog).start();
}
