// The start page (/): the boards from configuration, a link that rotates through all of them, and an
// agent view per queue the server has seen.

import type { BoardsPayload, CatalogPayload } from '../api.ts';
import { clear, h } from '../lib/dom.ts';
import { humanize, scopeCaption, windowCaption } from '../lib/labels.ts';
import { Clock } from './chrome.ts';

export function renderHome(root: HTMLElement, boards: BoardsPayload, catalog: CatalogPayload, scopes: string[]): void {
  const clock = new Clock(boards.timeZone);
  const tick = () => {
    clock.tick(Date.now());
    setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
  };
  tick();
  const label = (kpi: string) => catalog.kpis.find((entry) => entry.id === kpi)?.label ?? kpi;
  const cards = boards.boards.map((board) =>
    h('li', { class: 'home-card' },
      h('a', { href: `/board/${encodeURIComponent(board.id)}`, 'data-testid': 'board-link' },
        h('span', { class: 'home-card-title' }, board.title),
        h('span', { class: 'home-card-meta' }, `${board.tiles.length} tile${board.tiles.length === 1 ? '' : 's'} · /board/${board.id}`),
        h('span', { class: 'home-card-tiles' }, board.tiles.slice(0, 6).map((tile) =>
          `${tile.label || label(tile.kpi)} (${scopeCaption(tile.scope)}, ${windowCaption(tile.window)})`).join(' · ')
          + (board.tiles.length > 6 ? ' …' : '')))));
  const queues = scopes.filter((scope) => scope.startsWith('queue:')).map((scope) => scope.slice('queue:'.length)).sort();
  const first = boards.boards[0];
  clear(root);
  root.className = 'app home-app';
  document.title = `Boards · ${boards.siteName}`;
  root.append(h('div', { class: 'home' },
    h('header', { class: 'home-head' },
      h('div', {}, h('span', { class: 'site' }, boards.siteName), h('h1', {}, 'Wallboards')),
      clock.element),
    cards.length > 0
      ? h('ul', { class: 'home-list' }, ...cards)
      : h('p', { class: 'message' }, 'No boards are configured: add them to the "Boards" section of appsettings.json.'),
    first ? h('p', { class: 'home-actions' },
      h('a', { class: 'button', href: `/board/${encodeURIComponent(first.id)}?rotate=30` }, 'Rotate through all boards (30 s each)'),
      h('a', { class: 'button button-quiet', href: `/board/${encodeURIComponent(first.id)}?sound=1` }, 'First board with sound on critical'),
      h('a', { class: 'button button-quiet', href: '/alerts', 'data-testid': 'alerts-link' }, 'Alerts console')) : null,
    h('section', { class: 'home-agents' },
      h('h2', {}, 'Agent views'),
      queues.length > 0
        ? h('p', {}, ...queues.flatMap((queue, index) => [index > 0 ? ' · ' : '', h('a', { href: `/agent?queues=${encodeURIComponent(queue)}` }, humanize(queue))]),
          ' · ', h('a', { href: `/agent?queues=${queues.map(encodeURIComponent).join(',')}` }, 'all queues'))
        : h('p', {}, 'No queue has been seen yet; agent views appear here once events arrive.')),
    h('footer', { class: 'home-foot' },
      'Parameters: ', h('code', {}, '?rotate=30'), ' cycles boards · ', h('code', {}, '?sound=1'), ' beeps when a tile enters critical · ',
      h('code', {}, '?cols=4'), ' fixes the column count. Click a tile (or Enter) to see how its number is made.')));
}
