// One tile: label and verdict on top, the figure in the middle, the last hour underneath, and what it
// covers and how fresh it is at the bottom. Sizes come from CSS container units (the tile is a size
// container), so the same markup reads from 5 m on a 40-tile 4K board and on a 1-tile 1080p one.

import { isOutsideFigure, type CatalogEntry, type TileDefinition } from '../api.ts';
import { h, setAttr, setText, stateIcon, svg } from '../lib/dom.ts';
import { formatAge, formatInline, formatThreshold, formatValue, type Unit } from '../lib/format.ts';
import type { SeriesHistory } from '../lib/history.ts';
import { humanize, scopeCaption, windowCaption } from '../lib/labels.ts';
import { sparklinePaths, sparklineSpan } from '../lib/sparkline.ts';
import { PROBE_AFTER_MS, staleReason, dataAge, type StaleReason } from '../lib/staleness.ts';
import { STATE_GLYPHS, STATE_WORDS, stateOf, describeTarget, type TileState } from '../lib/thresholds.ts';
import type { TileAlertMark } from '../lib/alerts.ts';
import { alertChip } from './alert-strip.ts';

const SPARK_WIDTH = 300;
const SPARK_HEIGHT = 60;
const CHANGE_FLASH_MS = 1_000;

export interface LinkFreshness {
  connected: boolean;
  serverStale: boolean;
}

export class TileView {
  readonly element: HTMLElement;
  private readonly label: HTMLElement;
  private readonly badge: HTMLElement;
  private readonly badgeWord: HTMLElement;
  private readonly figure: HTMLElement;
  private readonly unit: HTMLElement;
  private readonly valueBox: HTMLElement;
  private readonly sparkLine: SVGElement;
  private readonly sparkArea: SVGElement;
  private readonly age: HTMLElement;
  private readonly target: HTMLElement;
  private readonly alertBox: HTMLElement;
  private alert: TileAlertMark | null = null;
  private value: number | null | undefined = undefined;
  private lowSample = false;
  private confirmedAt: number | null = null;
  private state: TileState = 'nodata';
  private stale: StaleReason | null = 'waiting';
  private flashTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly definition: TileDefinition,
    readonly entry: CatalogEntry | undefined,
    readonly history: SeriesHistory,
  ) {
    const title = definition.label || entry?.label || (isOutsideFigure(definition.kpi) ? humanize(definition.kpi.slice(4)) : definition.kpi);
    this.label = h('h2', { class: 'tile-label' }, title);
    this.badgeWord = h('span', { class: 'badge-word' });
    this.badge = h('span', { class: 'badge', 'data-testid': 'badge' }, this.badgeWord);
    this.figure = h('span', { class: 'figure', 'data-testid': 'figure' }, '—');
    this.unit = h('span', { class: 'unit' });
    this.valueBox = h('div', { class: 'tile-value' }, this.figure, this.unit);
    this.sparkArea = svg('path', { class: 'spark-area', d: '' });
    this.sparkLine = svg('path', { class: 'spark-line', d: '', 'vector-effect': 'non-scaling-stroke' });
    const spark = svg('svg', { class: 'spark', viewBox: `0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`, preserveAspectRatio: 'none', 'aria-hidden': 'true' },
      this.sparkArea, this.sparkLine);
    this.age = h('span', { class: 'age', 'data-testid': 'age' }, '');
    this.target = h('span', { class: 'target' }, entry ? describeTarget(entry.thresholds, (v) => formatThreshold(v, this.valueUnit)) : '');
    this.alertBox = h('span', { class: 'tile-alert', hidden: true });
    const caption = h('span', { class: 'caption' }, `${scopeCaption(definition.scope)} · ${windowCaption(definition.window)}`);
    this.element = h('article', {
      class: 'tile state-nodata stale',
      tabindex: 0,
      role: 'button',
      'data-kpi': definition.kpi,
      'data-scope': definition.scope,
      'data-window': definition.window,
      'data-state': 'nodata',
      'data-stale': 'waiting',
      'data-alert': '',
      'data-alert-word': '',
      'data-testid': 'tile',
    },
    h('div', { class: 'tile-body' },
      h('header', { class: 'tile-head' }, this.label, h('div', { class: 'verdict' }, this.badge, this.alertBox, this.target)),
      this.valueBox,
      h('div', { class: 'tile-spark' }, spark),
      h('footer', { class: 'tile-foot' }, caption, this.age)));
    this.element.style.setProperty('--label-chars', String(Math.max(8, title.length)));
    this.render(false);
  }

  /** The catalog's unit; outside figures, which it does not describe, are plain numbers. */
  get valueUnit(): Unit {
    return this.entry?.unit ?? (isOutsideFigure(this.definition.kpi) ? 'number' : 'count');
  }

  get key(): string {
    return `${this.definition.kpi}|${this.definition.scope}|${this.definition.window}`;
  }

  get currentState(): TileState {
    return this.state;
  }

  get currentValue(): number | null | undefined {
    return this.value;
  }

  get lastConfirmedAt(): number | null {
    return this.confirmedAt;
  }

  /** A value from a snapshot or push. Returns the state it had before, to notice a change into critical. */
  update(value: number | null, confirmedAt: number, animate: boolean, lowSample = false): TileState {
    const previous = this.state;
    const unit = this.valueUnit;
    this.lowSample = lowSample;
    // Only a change people can see flashes: 74.93 → 74.91 still reads 74.9.
    const changed = this.value !== undefined && formatValue(value, unit).text !== formatValue(this.value, unit).text;
    this.value = value;
    this.confirmedAt = confirmedAt;
    this.history.add(confirmedAt, value);
    this.render(animate && changed);
    return previous;
  }

  /** The active alert on this tile's KPI, scope and window (a bell chip), or null. */
  setAlert(mark: TileAlertMark | null): void {
    if (JSON.stringify(mark) === JSON.stringify(this.alert)) {
      return;
    }
    this.alert = mark;
    this.alertBox.replaceChildren(...(mark ? [alertChip(mark)] : []));
    this.alertBox.hidden = mark === null;
    setAttr(this.element, 'data-alert', mark ? mark.severity : '');
    setAttr(this.element, 'data-alert-word', mark ? mark.word : '');
    this.element.classList.toggle('has-alert', mark !== null);
    this.describe();
  }

  /** Confirms the value still holds (a push for other rows, or a snapshot with the same value). */
  confirm(at: number): void {
    this.confirmedAt = at;
  }

  /** Every second: data age and staleness. */
  refresh(now: number, link: LinkFreshness): void {
    const reason = staleReason({ connected: link.connected, serverStale: link.serverStale, confirmedAt: this.confirmedAt, now });
    if (reason !== this.stale) {
      this.stale = reason;
      this.element.classList.toggle('stale', reason !== null);
      setAttr(this.element, 'data-stale', reason ?? '');
    }
    const age = dataAge(this.confirmedAt, now);
    // "live" while the value is within a probe period (plus the answer's way back) of its confirmation.
    const text = reason === null ? formatAge(age, PROBE_AFTER_MS + 3_000) : reason === 'waiting' ? 'waiting' : `stale · ${formatAge(age, 0)}`;
    setText(this.age, text);
    this.age.classList.toggle('age-live', text === 'live');
  }

  /** Samples the current value into the history (every bucket), so a steady value still draws a line. */
  sample(now: number, live: boolean): void {
    if (live && this.value !== undefined) {
      this.history.add(now, this.value);
    }
  }

  drawSparkline(now: number): void {
    this.history.prune(now);
    const paths = sparklinePaths(this.history.points, now, SPARK_WIDTH, SPARK_HEIGHT, sparklineSpan(this.history.points, now));
    setAttr(this.sparkLine, 'd', paths.line);
    setAttr(this.sparkArea, 'd', paths.area);
  }

  private describe(): void {
    const words = STATE_WORDS[this.state] ? `, ${STATE_WORDS[this.state]}` : '';
    const alert = this.alert ? ` ${this.alert.description}.` : '';
    setAttr(this.element, 'aria-label', `${this.label.textContent}: ${formatInline(this.value ?? null, this.valueUnit)}${words}.${alert} ${scopeCaption(this.definition.scope)}, ${windowCaption(this.definition.window)}. Press Enter to explain.`);
  }

  private render(flash: boolean): void {
    const unit = this.valueUnit;
    const formatted = formatValue(this.value ?? null, unit);
    const state = this.value === undefined ? 'nodata' : stateOf(this.value, this.entry?.thresholds, this.lowSample);
    setText(this.figure, formatted.text);
    setText(this.unit, formatted.unit);
    this.valueBox.style.setProperty('--chars', String(formatted.text.length + formatted.unit.length * 0.5));
    setAttr(this.element, 'data-value', this.value === null || this.value === undefined ? '' : String(this.value));
    if (state !== this.state || !this.badge.firstChild || this.badge.children.length < 2) {
      this.element.classList.remove(`state-${this.state}`);
      this.element.classList.add(`state-${state}`);
      setAttr(this.element, 'data-state', state);
      this.state = state;
      this.badge.replaceChildren(stateIcon(state), this.badgeWord);
      setText(this.badgeWord, STATE_WORDS[state]);
      setAttr(this.badge, 'title', `${STATE_GLYPHS[state]} ${STATE_WORDS[state]}`.trim());
      this.badge.hidden = state === 'none';
    }
    this.describe();
    if (flash) {
      this.element.classList.remove('changed');
      // Restart the animation: reading offsetWidth forces the removal to apply first.
      void this.element.offsetWidth;
      this.element.classList.add('changed');
      if (this.flashTimer) {
        clearTimeout(this.flashTimer);
      }
      this.flashTimer = setTimeout(() => this.element.classList.remove('changed'), CHANGE_FLASH_MS);
    }
  }
}
