// Alerts as the leads console (/alerts) and the boards show them: the server's shapes (GET /api/v1/alerts,
// the hub's AlertChanged), the order they are listed in, the filters, and their words. Pure: no DOM, so
// every rule here is unit-tested.

import { formatInline, formatThreshold, type Unit } from './format.ts';
import { humanize, windowCaption } from './labels.ts';
import type { ThresholdLevel, Thresholds } from './thresholds.ts';

export type AlertPhase = 'pending' | 'firing' | 'noData' | 'resolved';
export type AlertSeverity = 'warning' | 'critical';
export type AlertChangeKind =
  | 'fired' | 'escalated' | 'deescalated' | 'clearing' | 'rebreached' | 'acknowledged' | 'noData' | 'dataReturned' | 'resolved';

export interface AlertAcknowledgement {
  by: string;
  at: string;
  note: string | null;
}

export interface AlertTimelineEntry {
  kind: AlertChangeKind;
  at: string;
  severity: AlertSeverity;
  value: number | null;
  by: string | null;
  note: string | null;
}

/** One alert (one per rule × scope while it lasts); times are the server's clock. */
export interface Alert {
  id: string;
  ruleId: string;
  scope: string;
  kpi: string;
  kpiLabel: string;
  window: string;
  phase: AlertPhase;
  severity: AlertSeverity;
  value: number | null;
  breachedSince: string;
  firedAt: string | null;
  resolvedAt: string | null;
  acknowledged: AlertAcknowledgement | null;
  timeline: AlertTimelineEntry[];
}

/** GET /api/v1/alerts. */
export interface AlertsPayload {
  asOf: string;
  active: Alert[];
  pending: Alert[];
  recent: Alert[];
  /**
   * Why the server refused the last edit of its alert rules (it keeps the last valid ones); null while the
   * rules in use are the current ones. Optional because a server from before it does not send it.
   */
  configError?: string | null;
}

/** The console's warning when the server refused the last edit of its alert rules; null when there is none. */
export function configErrorText(configError: string | null | undefined): string | null {
  const reason = configError?.trim();
  return reason ? `The last change to the alert rules was refused; the previous rules still apply: ${reason}` : null;
}

/** The hub's AlertChanged: which change, and the alert after it. */
export interface AlertChangeMessage {
  change: AlertChangeKind;
  alert: Alert;
}

export type SeverityFilter = 'all' | 'critical' | 'warning';

export interface AlertFilter {
  severity: SeverityFilter;
  /** Words that must all appear in the scope, its caption, the KPI or the rule (case-insensitive). */
  text: string;
}

export function severityRank(severity: AlertSeverity): number {
  return severity === 'critical' ? 2 : 1;
}

export function isActive(alert: Alert): boolean {
  return alert.phase === 'firing' || alert.phase === 'noData';
}

/** Back on the good side, waiting out the rule's clear duration before it resolves. */
export function isClearing(alert: Alert): boolean {
  return alert.phase === 'firing' && alert.timeline[alert.timeline.length - 1]?.kind === 'clearing';
}

const time = (iso: string | null | undefined): number => {
  const parsed = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(parsed) ? Number.POSITIVE_INFINITY : parsed;
};

/**
 * Active alerts: critical before warning, then those nobody has acknowledged yet, then the longest
 * firing first (a stable order, so a list does not jump about with each update).
 */
export function compareActive(a: Alert, b: Alert): number {
  return severityRank(b.severity) - severityRank(a.severity)
    || Number(a.acknowledged !== null) - Number(b.acknowledged !== null)
    || time(a.firedAt) - time(b.firedAt)
    || alertName(a).localeCompare(alertName(b))
    || a.id.localeCompare(b.id);
}

/** Pending breaches: the most severe, then the one breached longest (closest to firing) first. */
export function comparePending(a: Alert, b: Alert): number {
  return severityRank(b.severity) - severityRank(a.severity)
    || time(a.breachedSince) - time(b.breachedSince)
    || a.id.localeCompare(b.id);
}

/** Resolved alerts: the latest resolution first. */
export function compareRecent(a: Alert, b: Alert): number {
  return time(b.resolvedAt) - time(a.resolvedAt) || a.id.localeCompare(b.id);
}

/** "queue:sales" → "Sales", "all" → "All queues", "team:alpha" → "Alpha team", "channel:chat" → "Chat channel". */
export function scopeShort(scope: string): string {
  if (scope === 'all') {
    return 'All queues';
  }
  const colon = scope.indexOf(':');
  if (colon < 0) {
    return humanize(scope);
  }
  const kind = scope.slice(0, colon);
  const name = humanize(scope.slice(colon + 1));
  return kind === 'queue' ? name : `${name} ${kind}`;
}

/** The KPI's label inside a phrase: "Service level" → "service level"; acronyms (CSAT, NPS) stay. */
function inPhrase(label: string): string {
  return label.length > 1 && label[1] === label[1]!.toLowerCase() ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/** What the alert is about, as people say it: "Sales service level", "All queues abandon rate". */
export function alertName(alert: Pick<Alert, 'scope' | 'kpiLabel'>): string {
  return `${scopeShort(alert.scope)} ${inPhrase(alert.kpiLabel)}`;
}

/** "Sales queue · last 15 min" style context for the console. */
export function alertWindow(alert: Pick<Alert, 'window'>): string {
  return windowCaption(alert.window);
}

/** The value in the KPI's unit ("62.0 %", "1:17", "12"), or "no value". */
export function alertValueText(value: number | null | undefined, unit: Unit): string {
  const text = formatInline(value ?? null, unit);
  return text === 'no data' ? 'no value' : text;
}

/** A level in words: "above 1:00", "below 80 %", "outside 70 % – 90 %"; null when it has neither side. */
export function levelText(level: ThresholdLevel | null | undefined, unit: Unit): string | null {
  if (!level) {
    return null;
  }
  const above = level.above ?? null;
  const below = level.below ?? null;
  if (above !== null && below !== null) {
    return `outside ${formatThreshold(below, unit)} – ${formatThreshold(above, unit)}`;
  }
  if (above !== null) {
    return `above ${formatThreshold(above, unit)}`;
  }
  if (below !== null) {
    return `below ${formatThreshold(below, unit)}`;
  }
  return null;
}

/** The level the alert's severity stands for: "warning above 1:00"; null when the KPI has none. */
export function thresholdText(thresholds: Thresholds | null | undefined, severity: AlertSeverity, unit: Unit): string | null {
  const text = levelText(severity === 'critical' ? thresholds?.critical : thresholds?.warning, unit);
  return text === null ? null : `${severity} ${text}`;
}

/** A duration that grows on screen: "0:45", "12:03", "1:02:05", and "2 d 3 h" from a day on. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  if (total >= 86_400) {
    const days = Math.floor(total / 86_400);
    const hours = Math.floor((total % 86_400) / 3600);
    return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  }
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const ss = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** Whole seconds from an instant (server clock) to now (server clock, ms); null without a start. */
export function secondsSince(iso: string | null | undefined, serverNow: number): number | null {
  const start = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(start) ? null : Math.max(0, Math.floor((serverNow - start) / 1000));
}

/**
 * The server's clock as seen from the browser, so that "firing for 3:12" is measured on the clock the
 * alert's times are on (a TV's clock may be off; with the event clock the server's time is not today's).
 * Each observation of a server time gives an offset; the estimate only moves forward, so a duration on
 * screen never runs backwards.
 */
export class ServerClock {
  private offset: number | null = null;

  /** A server instant (ISO) known to be current at the client time `receivedAt` (ms). */
  observe(serverIso: string | null | undefined, receivedAt: number): void {
    const server = serverIso ? Date.parse(serverIso) : Number.NaN;
    if (Number.isNaN(server)) {
      return;
    }
    const offset = server - receivedAt;
    if (this.offset === null || offset > this.offset) {
      this.offset = offset;
    }
  }

  /** The server's time now (ms); the client's own until anything was observed. */
  now(clientNow: number): number {
    return clientNow + (this.offset ?? 0);
  }
}

/** Whether an alert passes the console's filters. */
export function matchesFilter(alert: Alert, filter: AlertFilter): boolean {
  if (filter.severity !== 'all' && alert.severity !== filter.severity) {
    return false;
  }
  const words = filter.text.toLowerCase().split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0) {
    return true;
  }
  const haystack = [alert.scope, scopeShort(alert.scope), alert.kpi, alert.kpiLabel, alert.ruleId, alertName(alert)].join(' ').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function filterAlerts(alerts: Alert[], filter: AlertFilter): Alert[] {
  return alerts.filter((alert) => matchesFilter(alert, filter));
}

/** "✓ ack by Maria". */
export function ackText(ack: AlertAcknowledgement | null | undefined): string {
  return ack ? `✓ ack by ${ack.by}` : '';
}

/** "✖ 1 critical · ▲ 2 warnings" (most severe first); empty when there is nothing. */
export function countsText(critical: number, warning: number): string {
  const parts: string[] = [];
  if (critical > 0) {
    parts.push(`✖ ${critical} critical`);
  }
  if (warning > 0) {
    parts.push(`▲ ${warning} warning${warning === 1 ? '' : 's'}`);
  }
  return parts.join(' · ');
}

export interface BannerSummary {
  critical: number;
  warning: number;
  /** How many of the active alerts someone acknowledged. */
  acknowledged: number;
  /** Critical alerts nobody acknowledged yet. */
  openCritical: number;
  /** The few to name, most severe first. */
  shown: Alert[];
  /** How many more are active than named. */
  more: number;
}

/**
 * What the board's alert banner says: counts by severity and the most severe few by name. Among alerts
 * of the same severity and acknowledgement, those `onBoard` (on one of the board's own tiles) come first.
 */
export function bannerSummary(active: Alert[], few = 3, onBoard: (alert: Alert) => boolean = () => false): BannerSummary {
  const sorted = active.filter(isActive).sort((a, b) =>
    severityRank(b.severity) - severityRank(a.severity)
    || Number(a.acknowledged !== null) - Number(b.acknowledged !== null)
    || Number(onBoard(b)) - Number(onBoard(a))
    || compareActive(a, b));
  const critical = sorted.filter((alert) => alert.severity === 'critical').length;
  const shown = sorted.slice(0, few);
  return {
    critical,
    warning: sorted.length - critical,
    acknowledged: sorted.filter((alert) => alert.acknowledged !== null).length,
    openCritical: sorted.filter((alert) => alert.severity === 'critical' && alert.acknowledged === null).length,
    shown,
    more: sorted.length - shown.length,
  };
}

/** How loud the banner is: as its loudest alert nobody took yet; calm ('acked') once every one is acknowledged. */
export function bannerTone(summary: BannerSummary): 'critical' | 'warning' | 'acked' {
  if (summary.acknowledged === summary.critical + summary.warning) {
    return 'acked';
  }
  return summary.openCritical > 0 ? 'critical' : 'warning';
}

/** The whole banner as one line (its accessible text): "✖ 1 critical · ▲ 2 warnings: Sales service level 62.0 %, …". */
export function bannerText(summary: BannerSummary, unitOf: (kpi: string) => Unit): string {
  if (summary.shown.length === 0) {
    return '';
  }
  const items = summary.shown.map((alert) => {
    const base = `${alertName(alert)} ${alertValueText(alert.value, unitOf(alert.kpi))}`;
    return alert.acknowledged ? `${base} (${ackText(alert.acknowledged)})` : base;
  });
  const more = summary.more > 0 ? `, and ${summary.more} more` : '';
  return `${countsText(summary.critical, summary.warning)}: ${items.join(', ')}${more}`;
}

export type TileAlertWord = 'Alert' | 'Acked' | 'Clearing' | 'No data';

export interface TileAlertMark {
  severity: AlertSeverity;
  word: TileAlertWord;
  acknowledged: boolean;
  /** A sentence for the tile's title and accessible name. */
  description: string;
}

/** How a tile shows the active alert on its KPI, scope and window. */
export function tileMark(alert: Alert): TileAlertMark {
  const word: TileAlertWord = alert.phase === 'noData' ? 'No data' : isClearing(alert) ? 'Clearing' : alert.acknowledged ? 'Acked' : 'Alert';
  const state = alert.phase === 'noData' ? 'without data' : isClearing(alert) ? 'clearing' : 'firing';
  const ack = alert.acknowledged ? `, acknowledged by ${alert.acknowledged.by}` : ', not acknowledged';
  return {
    severity: alert.severity,
    word,
    acknowledged: alert.acknowledged !== null,
    description: `${alert.severity === 'critical' ? 'Critical' : 'Warning'} alert ${state}${ack}`,
  };
}

const KIND_WORDS: Record<AlertChangeKind, string> = {
  fired: 'Fired',
  escalated: 'Escalated to critical',
  deescalated: 'Back to warning',
  clearing: 'Clearing',
  rebreached: 'Breached again',
  acknowledged: 'Acknowledged',
  noData: 'No data',
  dataReturned: 'Data returned',
  resolved: 'Resolved',
};

/** A timeline step in words: "Fired", "Acknowledged by Maria", "Escalated to critical". */
export function timelineWords(entry: AlertTimelineEntry): string {
  const words = KIND_WORDS[entry.kind] ?? entry.kind;
  return entry.kind === 'acknowledged' && entry.by ? `${words} by ${entry.by}` : words;
}

/**
 * A server instant in the site's time zone: the time alone when it is on the same day as `reference`,
 * else with the date ("Mon 16 Nov, 14:05").
 */
export function formatAt(iso: string | null | undefined, timeZone: string, reference: number): string {
  const at = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(at)) {
    return '';
  }
  const zone = validZone(timeZone) ? timeZone : 'UTC';
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(at);
  if (day.format(at) === day.format(reference)) {
    return clock;
  }
  const date = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' }).format(at);
  return `${date}, ${clock.slice(0, 5)}`;
}

function validZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const ruleScope = (alert: Alert) => `${alert.ruleId}|${alert.scope}`;

/**
 * The alerts a page knows: loaded whole from GET /api/v1/alerts (on connect, reconnect and every probe)
 * and kept current between loads by the hub's AlertChanged. A timeline only grows, so a change that
 * carries a shorter timeline than the one held (a push that crossed a fresher load) is ignored.
 */
export class AlertBook {
  private readonly active = new Map<string, Alert>();
  private readonly pending = new Map<string, Alert>();
  private readonly recent = new Map<string, Alert>();
  private loaded = false;

  /** Whether a full list has arrived yet. */
  get isLoaded(): boolean {
    return this.loaded;
  }

  load(payload: AlertsPayload): void {
    // Pushes that arrived while the list was on its way may be newer than it: keep those.
    const newer = [...this.active.values(), ...this.recent.values()];
    this.active.clear();
    this.pending.clear();
    this.recent.clear();
    for (const alert of payload.active) {
      this.active.set(alert.id, alert);
    }
    for (const alert of payload.pending) {
      this.pending.set(alert.id, alert);
    }
    for (const alert of payload.recent) {
      this.recent.set(alert.id, alert);
    }
    if (this.loaded) {
      for (const alert of newer) {
        const held = this.active.get(alert.id) ?? this.recent.get(alert.id);
        if (held && alert.timeline.length > held.timeline.length) {
          this.put(alert);
        }
      }
    }
    this.loaded = true;
  }

  /** Applies a hub push; returns whether anything changed. */
  apply(message: AlertChangeMessage): boolean {
    const alert = message.alert;
    const held = this.active.get(alert.id) ?? this.recent.get(alert.id);
    if (held && held.timeline.length > alert.timeline.length) {
      return false;
    }
    this.put(alert);
    return true;
  }

  private put(alert: Alert): void {
    // The pending breach that became this alert (a pending alert's id ends in |pending).
    for (const [id, pending] of this.pending) {
      if (ruleScope(pending) === ruleScope(alert)) {
        this.pending.delete(id);
      }
    }
    this.active.delete(alert.id);
    this.recent.delete(alert.id);
    if (alert.phase === 'resolved') {
      this.recent.set(alert.id, alert);
    } else if (alert.phase === 'pending') {
      this.pending.set(alert.id, alert);
    } else {
      this.active.set(alert.id, alert);
    }
  }

  get(id: string): Alert | undefined {
    return this.active.get(id) ?? this.pending.get(id) ?? this.recent.get(id);
  }

  activeAlerts(): Alert[] {
    return [...this.active.values()].sort(compareActive);
  }

  pendingAlerts(): Alert[] {
    return [...this.pending.values()].sort(comparePending);
  }

  recentAlerts(): Alert[] {
    return [...this.recent.values()].sort(compareRecent);
  }

  /** The most pressing active alert on exactly this KPI, scope and window (what a tile shows). */
  forTile(kpi: string, scope: string, window: string): Alert | null {
    return this.activeAlerts().find((alert) => alert.kpi === kpi && alert.scope === scope && alert.window === window) ?? null;
  }
}

const NAME_KEY = 'wallboard:alerts:name';

/** The name last used to acknowledge (localStorage), or ''. */
export function rememberedName(storage: Pick<Storage, 'getItem'> | null): string {
  try {
    return storage?.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberName(storage: Pick<Storage, 'setItem'> | null, name: string): void {
  try {
    storage?.setItem(NAME_KEY, name.trim());
  } catch {
    // Storage off or full: the name is simply asked again next time.
  }
}

/** The body of POST /api/v1/alerts/{id}/ack, or why not: a name of 1 to 128 characters, a note up to 2000. */
export function ackRequest(by: string, note: string): { by: string; note: string | null } | { error: string } {
  const name = by.trim();
  if (name.length === 0) {
    return { error: 'Enter your name: the alert shows who acknowledged it.' };
  }
  if (name.length > 128) {
    return { error: 'The name is longer than 128 characters.' };
  }
  const text = note.trim();
  if (text.length > 2000) {
    return { error: 'The note is longer than 2000 characters.' };
  }
  return { by: name, note: text.length > 0 ? text : null };
}
