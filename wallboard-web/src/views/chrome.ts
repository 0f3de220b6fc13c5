// What surrounds the tiles: the clock in the site's time zone, the link pill, and the banner that says
// plainly when the numbers are not live (connecting, reconnecting, or the server's data may be stale).

import type { LinkInfo } from '../live.ts';
import { h, setAttr, setText } from '../lib/dom.ts';
import { formatSeconds } from '../lib/format.ts';

export class Clock {
  readonly element: HTMLElement;
  private readonly time: HTMLElement;
  private readonly date: HTMLElement;
  private timeFormat: Intl.DateTimeFormat;
  private dateFormat: Intl.DateTimeFormat;
  private zoneName = '';

  constructor(timeZone: string) {
    this.time = h('span', { class: 'clock-time', 'data-testid': 'clock' });
    this.date = h('span', { class: 'clock-date' });
    this.element = h('div', { class: 'clock' }, this.time, this.date);
    [this.timeFormat, this.dateFormat] = Clock.formats(timeZone);
    this.setZone(timeZone);
  }

  setZone(timeZone: string): void {
    [this.timeFormat, this.dateFormat] = Clock.formats(timeZone);
    this.zoneName = timeZone;
    setAttr(this.element, 'data-zone', timeZone);
  }

  tick(now: number): void {
    const date = new Date(now);
    setText(this.time, this.timeFormat.format(date));
    setText(this.date, `${this.dateFormat.format(date)} · ${shortZone(this.zoneName, date)}`);
  }

  private static formats(timeZone: string): [Intl.DateTimeFormat, Intl.DateTimeFormat] {
    const zone = validZone(timeZone) ? timeZone : 'UTC';
    return [
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }),
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' }),
    ];
  }
}

function validZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** "CET", "GMT+1", or the IANA name when the browser has no short name for it. */
function shortZone(timeZone: string, date: Date): string {
  if (!validZone(timeZone)) {
    return timeZone;
  }
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') {
    return 'UTC';
  }
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }).formatToParts(date).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

export class LinkPill {
  readonly element: HTMLElement;
  private readonly word: HTMLElement;

  constructor() {
    this.word = h('span', { class: 'pill-word' }, 'Connecting');
    this.element = h('span', { class: 'pill pill-connecting', 'data-testid': 'link' }, h('span', { class: 'pill-dot' }), this.word);
  }

  show(link: LinkInfo, serverStale: boolean): void {
    const kind = link.state !== 'connected' ? link.state : serverStale ? 'degraded' : 'live';
    this.element.className = `pill pill-${kind}`;
    setAttr(this.element, 'data-state', kind);
    setText(this.word, { live: 'Live', degraded: 'Degraded', connecting: 'Connecting', reconnecting: 'Offline' }[kind] ?? kind);
  }
}

export class Banner {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly detail: HTMLElement;

  constructor() {
    this.title = h('strong', { class: 'banner-title' });
    this.detail = h('span', { class: 'banner-detail' });
    this.element = h('div', { class: 'banner', role: 'status', 'aria-live': 'polite', 'data-testid': 'banner', hidden: true },
      h('span', { class: 'banner-spinner', 'aria-hidden': 'true' }), this.title, this.detail);
  }

  /**
   * @param oldest the oldest confirmation among the values shown (client clock), for "values from 0:45 ago".
   */
  show(link: LinkInfo, serverStale: boolean, serverReason: string | null, now: number, oldest: number | null): void {
    let kind: string | null = null;
    let title = '';
    let detail = '';
    const retry = link.nextRetryAt !== null ? Math.max(0, Math.ceil((link.nextRetryAt - now) / 1000)) : null;
    const attempt = retry === null || retry === 0 ? 'Trying now.' : `Next attempt in ${retry} s.`;
    if (link.state === 'connecting') {
      kind = 'connecting';
      title = 'Connecting to the server…';
      detail = link.attempt > 0 ? `No answer yet. ${attempt}` : '';
    } else if (link.state === 'reconnecting') {
      kind = 'reconnecting';
      title = 'Reconnecting…';
      const age = oldest !== null ? `, from ${formatSeconds(Math.floor((now - oldest) / 1000))} ago` : '';
      detail = `The connection to the server is lost. Showing the last values${age}, greyed. ${attempt}`;
    } else if (serverStale) {
      kind = 'stale';
      title = 'Data may be stale';
      detail = serverReason ? `The server reports: ${serverReason}.` : 'The server cannot confirm its values right now.';
    }
    this.element.hidden = kind === null;
    if (kind !== null) {
      this.element.className = `banner banner-${kind}`;
      setAttr(this.element, 'data-kind', kind);
      setText(this.title, title);
      setText(this.detail, detail);
    }
  }
}
