// Alerts on a board: a strip above the tiles that lists the active alerts (counts by severity and the
// most severe few by name, as many as fit whole, "✓ ack by Maria" once someone took one), hidden when
// there are none, and the bell a tile wears while an alert on its own KPI, scope and window is active.
// The board keeps an AlertBook current from GET /api/v1/alerts (on every (re)connect) and the hub's
// AlertChanged pushes.

import type { Unit } from '../lib/format.ts';
import { alertName, alertValueText, bannerSummary, bannerText, bannerTone, type Alert, type TileAlertMark } from '../lib/alerts.ts';
import { h, setAttr, setText, stateIcon, svg } from '../lib/dom.ts';

/** A bell (the same shape on every TV, whatever fonts it has). */
export function bellIcon(): SVGElement {
  return svg('svg', { viewBox: '0 0 24 24', class: 'icon icon-bell', 'aria-hidden': 'true', 'data-icon': 'bell' },
    svg('path', { d: 'M12 2.2c-.9 0-1.6.7-1.6 1.6v.6A6.2 6.2 0 0 0 5.8 10.5v4.2L3.6 17.4v1.2h16.8v-1.2l-2.2-2.7v-4.2a6.2 6.2 0 0 0-4.6-6.1v-.6c0-.9-.7-1.6-1.6-1.6Z', fill: 'currentColor' }),
    svg('path', { d: 'M9.6 19.8a2.4 2.4 0 0 0 4.8 0Z', fill: 'currentColor' }));
}

export class AlertStrip {
  readonly element: HTMLElement;
  private readonly counts: HTMLElement;
  private readonly items: HTMLElement;
  private readonly more: HTMLElement;
  private readonly text: HTMLElement;
  private signature = '';
  /** Active alerts beyond the few the summary names. */
  private beyond = 0;

  constructor(private readonly unitOf: (kpi: string) => Unit) {
    this.counts = h('span', { class: 'alert-strip-counts' });
    this.items = h('ul', { class: 'alert-strip-items' });
    this.more = h('span', { class: 'alert-strip-more' });
    this.text = h('span', { class: 'visually-hidden' });
    this.element = h('div', { class: 'alert-strip', 'data-testid': 'alert-banner', hidden: true },
      h('a', { class: 'alert-strip-bell', href: '/alerts', title: 'Open the alerts console', 'aria-label': 'Open the alerts console' }, bellIcon()),
      h('div', { class: 'alert-strip-body', 'aria-hidden': 'true' }, this.counts, this.items, this.more),
      h('span', { role: 'status', 'aria-live': 'polite' }, this.text));
    // Widths change with the screen, and once the web font has loaded.
    new ResizeObserver(() => this.fit()).observe(this.element);
    document.fonts.addEventListener('loadingdone', () => this.fit());
  }

  /** Shows the active alerts (any order; those `onBoard` named first); hides the strip when there are none. */
  show(active: Alert[], onBoard: (alert: Alert) => boolean = () => false): void {
    const summary = bannerSummary(active, 3, onBoard);
    const signature = JSON.stringify([summary.critical, summary.warning, summary.more,
      summary.shown.map((alert) => [alert.id, alert.severity, alert.value, alert.acknowledged?.by ?? null, alert.phase])]);
    if (signature === this.signature) {
      return;
    }
    this.signature = signature;
    const count = summary.critical + summary.warning;
    this.element.hidden = count === 0;
    setAttr(this.element, 'data-critical', String(summary.critical));
    setAttr(this.element, 'data-warning', String(summary.warning));
    setAttr(this.element, 'data-acknowledged', String(summary.acknowledged));
    if (count === 0) {
      this.items.replaceChildren();
      setText(this.text, '');
      return;
    }
    this.element.className = `alert-strip alert-strip-${bannerTone(summary)}`;
    setAttr(this.element, 'data-tone', bannerTone(summary));
    setText(this.text, `Active alerts. ${bannerText(summary, this.unitOf)}.`);
    this.counts.replaceChildren(
      ...(summary.critical > 0 ? [h('span', { class: 'sum sum-critical', 'data-testid': 'alert-count-critical' }, stateIcon('critical'), `${summary.critical} critical`)] : []),
      ...(summary.warning > 0 ? [h('span', { class: 'sum sum-warning', 'data-testid': 'alert-count-warning' }, stateIcon('warning'), `${summary.warning} warning${summary.warning === 1 ? '' : 's'}`)] : []));
    this.items.replaceChildren(...summary.shown.map((alert) => this.item(alert)));
    this.beyond = summary.more;
    this.fit();
  }

  /**
   * Whole entries only: as many of the named few as the strip's width holds (at least one), the rest
   * counted in "+N more". A name cut short ("Sales longest waiting n…") is no use across the room.
   */
  private fit(): void {
    const entries = [...this.items.children].filter((child): child is HTMLElement => child instanceof HTMLElement);
    let shown = entries.length;
    for (const entry of entries) {
      entry.hidden = false;
    }
    this.showMore(this.beyond);
    if (this.element.hidden) {
      return;
    }
    while (shown > 1 && this.overflows()) {
      shown -= 1;
      entries[shown]!.hidden = true;
      this.showMore(this.beyond + entries.length - shown);
    }
  }

  private overflows(): boolean {
    return this.items.scrollWidth > this.items.clientWidth
      || [...this.items.querySelectorAll<HTMLElement>('.alert-item:not([hidden]) .alert-item-name')].some((name) => name.scrollWidth > name.clientWidth);
  }

  private showMore(count: number): void {
    this.more.textContent = count > 0 ? `+${count} more` : '';
    this.more.hidden = count === 0;
  }

  private item(alert: Alert): HTMLElement {
    const acked = alert.acknowledged !== null;
    return h('li', {
      class: `alert-item alert-item-${alert.severity}${acked ? ' alert-item-acked' : ''}`,
      'data-alert-id': alert.id,
      'data-severity': alert.severity,
      'data-acknowledged': acked ? 'true' : 'false',
      'data-testid': 'alert-item',
    },
    stateIcon(alert.phase === 'noData' ? 'nodata' : alert.severity),
    h('span', { class: 'alert-item-name' }, alertName(alert)),
    h('span', { class: 'alert-item-value' }, alertValueText(alert.value, this.unitOf(alert.kpi))),
    acked ? h('span', { class: 'alert-item-ack', 'data-testid': 'alert-ack' }, `✓ ack by ${alert.acknowledged!.by}`) : null,
    alert.phase === 'noData' ? h('span', { class: 'alert-item-ack' }, 'no data') : null);
  }
}

/** The chip a tile shows while an alert on it is active: a bell and a word (Alert, Acked, Clearing, No data). */
export function alertChip(mark: TileAlertMark): HTMLElement {
  return h('span', {
    class: `alert-chip alert-chip-${mark.severity}${mark.acknowledged ? ' alert-chip-acked' : ''}`,
    title: mark.description,
    'data-testid': 'tile-alert',
  }, bellIcon(), h('span', { class: 'alert-chip-word' }, mark.word));
}
