// "Explain this number": the formula from the catalog, the numerator and denominator the server used
// (GET /api/v1/kpis?explain=true), the window, the settings in force for the scope, and when the value
// was last updated. Opens on click or Enter on a tile; Escape or the close button closes it and gives
// the focus back to the tile. While open it follows the live value.

import { api, isOutsideFigure, type CatalogEntry, type CatalogPayload, type KpiRow, type TileDefinition } from '../api.ts';
import { clear, h, stateIcon } from '../lib/dom.ts';
import { formatInline, formatPart, formatSettingSeconds, formatThreshold, type Unit } from '../lib/format.ts';
import { scopeCaption, windowCaption, windowSentence } from '../lib/labels.ts';
import { describeThresholds, stateOf, STATE_WORDS } from '../lib/thresholds.ts';

const DIRECTIONS: Record<string, string> = {
  higherIsBetter: 'higher is better',
  lowerIsBetter: 'lower is better',
  neutral: 'neutral (no better or worse)',
  band: 'best inside a band',
};

const REFRESH_MIN_MS = 1_000;

export class ExplainPanel {
  readonly element: HTMLDialogElement;
  private readonly body: HTMLElement;
  private tile: TileDefinition | null = null;
  private opener: HTMLElement | null = null;
  private lastFetch = 0;
  private pending: ReturnType<typeof setTimeout> | null = null;
  private receivedAt = 0;
  private ageNode: HTMLElement | null = null;

  constructor(
    private readonly catalog: CatalogPayload,
    private readonly timeZone: () => string,
  ) {
    this.body = h('div', { class: 'explain-body' });
    const close = h('button', { class: 'explain-close', type: 'button', 'aria-label': 'Close' }, '✕');
    close.addEventListener('click', () => this.close());
    this.element = h('dialog', { class: 'explain', 'data-testid': 'explain', 'aria-labelledby': 'explain-title' }, close, this.body);
    this.element.addEventListener('close', () => this.closed());
    this.element.addEventListener('click', (event) => {
      // A click on the backdrop (outside the panel's box) closes it.
      if (event.target === this.element) {
        const box = this.element.getBoundingClientRect();
        const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
        if (!inside) {
          this.close();
        }
      }
    });
  }

  get isOpen(): boolean {
    return this.element.open;
  }

  get current(): TileDefinition | null {
    return this.tile;
  }

  async open(tile: TileDefinition, opener: HTMLElement): Promise<void> {
    this.tile = tile;
    this.opener = opener;
    this.renderLoading();
    if (!this.element.open) {
      this.element.showModal();
    }
    await this.load();
  }

  close(): void {
    if (this.element.open) {
      this.element.close();
    }
  }

  /** The tile's row changed: fetch the parts again (at most once a second). */
  changed(scope: string, window: string): void {
    if (!this.element.open || !this.tile || this.tile.scope !== scope || this.tile.window !== window) {
      return;
    }
    const wait = Math.max(0, this.lastFetch + REFRESH_MIN_MS - Date.now());
    if (this.pending) {
      return;
    }
    this.pending = setTimeout(() => {
      this.pending = null;
      void this.load();
    }, wait);
  }

  /** Every second while open: the "received … ago" text. */
  tick(now: number): void {
    if (this.ageNode && this.receivedAt > 0) {
      const seconds = Math.max(0, Math.round((now - this.receivedAt) / 1000));
      this.ageNode.textContent = seconds < 2 ? 'just now' : `${seconds} s ago`;
    }
  }

  private closed(): void {
    // The close event is queued: a tile opened in between (Escape, then Enter on another tile) owns the panel now.
    if (this.element.open) {
      return;
    }
    if (this.pending) {
      clearTimeout(this.pending);
      this.pending = null;
    }
    this.tile = null;
    this.opener?.focus();
    this.opener = null;
  }

  private async load(): Promise<void> {
    const tile = this.tile;
    if (!tile) {
      return;
    }
    this.lastFetch = Date.now();
    try {
      const row = await api.explain(tile.scope, tile.window);
      if (this.tile === tile) {
        this.receivedAt = Date.now();
        this.render(tile, row);
      }
    } catch (error) {
      if (this.tile === tile) {
        this.renderError(error);
      }
    }
  }

  private entry(kpi: string): CatalogEntry | undefined {
    return this.catalog.kpis.find((entry) => entry.id === kpi);
  }

  private heading(tile: TileDefinition): HTMLElement {
    const entry = this.entry(tile.kpi);
    return h('header', { class: 'explain-head' },
      h('h2', { id: 'explain-title' }, tile.label || entry?.label || (isOutsideFigure(tile.kpi) ? tile.kpi.slice(4) : tile.kpi)),
      h('p', { class: 'explain-sub' }, [entry && entry.label !== (tile.label || entry.label) ? entry.label : null, scopeCaption(tile.scope), windowCaption(tile.window)]
        .filter((part) => part !== null).join(' · ')));
  }

  private renderLoading(): void {
    clear(this.body);
    if (this.tile) {
      this.body.append(this.heading(this.tile), h('p', { class: 'explain-note' }, 'Loading the numbers behind this value…'));
    }
  }

  private renderError(error: unknown): void {
    clear(this.body);
    if (this.tile) {
      this.body.append(this.heading(this.tile),
        h('p', { class: 'explain-note explain-error' }, `The server did not answer (${error instanceof Error ? error.message : String(error)}). It is tried again with the next update.`));
    }
  }

  private render(tile: TileDefinition, row: KpiRow): void {
    const entry = this.entry(tile.kpi);
    const outside = isOutsideFigure(tile.kpi);
    const unit = entry?.unit ?? (outside ? 'number' : 'count');
    const value = row.values[tile.kpi] ?? null;
    const lowSample = row.lowSample?.includes(tile.kpi) ?? false;
    const state = stateOf(value, entry?.thresholds, lowSample);
    const parts = row.explain?.parts[tile.kpi];
    const settings = row.explain?.settings;
    const zone = row.explain?.timeZone ?? this.timeZone();
    const format = (v: number) => formatThreshold(v, unit);

    const valueLine = h('div', { class: `explain-value state-${state}` },
      h('span', { class: 'explain-figure', 'data-testid': 'explain-value' }, formatInline(value, unit)),
      state === 'none' ? null : h('span', { class: 'badge' }, stateIcon(state), h('span', { class: 'badge-word' }, STATE_WORDS[state])));

    const facts = h('dl', { class: 'explain-facts' });
    const fact = (term: string, ...details: Array<Node | string>) => {
      facts.append(h('dt', {}, term), h('dd', {}, ...details));
    };
    const formula = entry?.formula
      ?? (outside ? `the latest value of metric.recorded "${tile.kpi.slice(4)}" (a figure computed outside the wallboard)` : 'not in the catalog');
    fact('Formula', h('code', { 'data-testid': 'explain-formula' }, formula));
    if (lowSample) {
      fact('Sample', 'fewer answers than the minimum sample: shown greyed, without a verdict, until enough arrive');
    }
    if (parts) {
      fact('Numerator', h('strong', { 'data-testid': 'explain-numerator' }, formatPart(parts.numerator)), ` ${parts.numeratorCounts}`);
      fact('Denominator', h('strong', { 'data-testid': 'explain-denominator' }, formatPart(parts.denominator)), ` ${parts.denominatorCounts}`);
      fact('Result', resultLine(parts.numerator, parts.denominator, unit, value));
    } else {
      fact('Reading', outside ? 'as sent by the outside source: no numerator or denominator' : 'read directly from the current state: no numerator or denominator');
    }
    fact('Window', windowSentence(tile.window, settings?.dailyReset, zone));
    fact('Measured at', entry?.measuredAt ?? '—');
    fact('Thresholds', describeThresholds(entry?.thresholds, format), entry ? ` · ${DIRECTIONS[entry.direction] ?? entry.direction}` : '');
    if (settings) {
      fact('Settings', h('span', { 'data-testid': 'explain-settings' },
        `service-level threshold ${formatSettingSeconds(settings.serviceLevelThresholdSeconds)} · `
        + `short abandon under ${formatSettingSeconds(settings.shortAbandonThresholdSeconds)} · `
        + `repeat-contact horizon ${formatSettingSeconds(settings.repeatContactHorizonSeconds)} · `
        + `daily reset ${settings.dailyReset} · time zone ${zone} · `
        + `late events accepted up to ${formatSettingSeconds(row.explain?.allowedLatenessSeconds ?? 0)}`));
    }
    this.ageNode = h('span', { class: 'explain-age' }, 'just now');
    fact('Last update', `${formatStamp(row.asOf, zone)} (server clock) · received `, this.ageNode);

    clear(this.body);
    this.body.append(this.heading(tile), valueLine, facts,
      h('p', { class: 'explain-note' }, 'Escape or click outside to close. Numbers from the server at the moment shown; they follow the live value while this panel is open.'));
  }
}

function resultLine(numerator: number, denominator: number, unit: Unit, value: number | null): string {
  if (denominator === 0) {
    return 'denominator 0: no data (never shown as 0 or as a breach)';
  }
  const shown = formatInline(value, unit);
  if (unit === 'percent') {
    return `${formatPart(numerator)} ÷ ${formatPart(denominator)} × 100 = ${shown}`;
  }
  return `${formatPart(numerator)} ÷ ${formatPart(denominator)} = ${shown}`;
}

function formatStamp(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  try {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone, year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
    }).format(date);
  } catch {
    return date.toISOString();
  }
}
