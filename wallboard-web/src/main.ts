// The client's single page: / lists the boards, /board/{id} shows one full screen, /agent?queues=a,b is
// the agent view, /alerts the leads console. The server sends index.html for each of these paths.

import './styles.css';
import { api, HttpError } from './api.ts';
import { parseQueues } from './lib/labels.ts';
import { h } from './lib/dom.ts';
import { AgentApp } from './views/agent.ts';
import { startAlerts } from './views/alerts.ts';
import { BoardApp, type BoardParams } from './views/board.ts';
import { renderHome } from './views/home.ts';

export function boardParams(search: URLSearchParams): BoardParams {
  const rotate = Number(search.get('rotate'));
  const cols = Number(search.get('cols'));
  return {
    rotateSeconds: Number.isFinite(rotate) && rotate >= 5 ? Math.min(rotate, 3600) : null,
    sound: search.get('sound') === '1' || search.get('sound') === 'true',
    cols: Number.isInteger(cols) && cols >= 1 && cols <= 20 ? cols : null,
  };
}

async function main(): Promise<void> {
  const root = document.getElementById('app')!;
  const path = window.location.pathname.replace(/\/+$/, '') || '/';
  const search = new URLSearchParams(window.location.search);
  const boardMatch = /^\/board\/([^/]+)$/.exec(path);
  if (path === '/' || path === '/index.html') {
    const [boards, catalog] = await Promise.all([api.boards(), api.catalog()]);
    if (boardParams(search).rotateSeconds !== null) {
      await new BoardApp(root, boards, catalog, null, boardParams(search)).start();
      return;
    }
    const scopes = await api.scopes().catch(() => ({ scopes: [] as string[] }));
    renderHome(root, boards, catalog, scopes.scopes);
    return;
  }
  if (boardMatch) {
    const [boards, catalog] = await Promise.all([api.boards(), api.catalog()]);
    await new BoardApp(root, boards, catalog, decodeURIComponent(boardMatch[1]!), boardParams(search)).start();
    return;
  }
  if (path === '/agent') {
    const [boards, catalog] = await Promise.all([api.boards(), api.catalog()]);
    await new AgentApp(root, parseQueues(search.get('queues')), catalog, boards.timeZone, boards.siteName).start();
    return;
  }
  if (path === '/alerts') {
    await startAlerts(root);
    return;
  }
  root.className = 'app home-app';
  root.replaceChildren(h('div', { class: 'home' }, h('div', { class: 'message' },
    h('h1', {}, 'Not a page of the board client'), h('p', {}, h('a', { href: '/' }, 'All boards')))));
}

main().catch((error: unknown) => {
  const root = document.getElementById('app');
  if (root) {
    const detail = error instanceof HttpError ? `${error.url} answered ${error.status}.` : String(error);
    root.replaceChildren(h('div', { class: 'message' }, h('h1', {}, 'The board could not start'), h('p', {}, detail), h('p', {}, 'It tries again in 30 s.')));
  }
  setTimeout(() => window.location.reload(), 30_000);
});
