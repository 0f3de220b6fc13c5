import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanize, parseQueues, scopeCaption, windowCaption, windowSentence } from '../../src/lib/labels.ts';
import { compareAgents, secondsInState, ticking } from '../../src/lib/agents.ts';

test('scopes and windows read as people say them', () => {
  assert.equal(scopeCaption('all'), 'All queues');
  assert.equal(scopeCaption('queue:sales'), 'Sales queue');
  assert.equal(scopeCaption('queue:sms-care'), 'SMS care queue');
  assert.equal(scopeCaption('team:alpha'), 'Alpha team');
  assert.equal(scopeCaption('channel:voice'), 'Voice channel');
  assert.equal(humanize('web-chat'), 'Web chat');
  assert.equal(windowCaption('now'), 'now');
  assert.equal(windowCaption('15m'), 'last 15 min');
  assert.equal(windowCaption('2h'), 'last 2 h');
  assert.equal(windowCaption('today'), 'today');
  assert.equal(windowSentence('today', '06:00', 'Europe/Berlin'), 'today: since 06:00 in Europe/Berlin (the daily reset)');
});

test('?queues= is split, trimmed and de-duplicated', () => {
  assert.deepEqual(parseQueues('sales, support,,sales'), ['sales', 'support']);
  assert.deepEqual(parseQueues(null), []);
});

test('longest wait and time in state tick by whole seconds between pushes', () => {
  assert.equal(ticking(42, 10_000, 10_999), 42);
  assert.equal(ticking(42, 10_000, 13_000), 45);
  assert.equal(ticking(null, 10_000, 60_000), null);
  assert.equal(ticking(5, 10_000, 9_000), 5);
});

test('time in state is measured at the engine clock', () => {
  assert.equal(secondsInState({ since: '2026-11-23T09:00:00Z' }, '2026-11-23T09:02:05.900Z'), 125);
  assert.equal(secondsInState({ since: null }, '2026-11-23T09:02:05Z'), null);
  assert.equal(secondsInState({ since: '2026-11-23T09:03:00Z' }, '2026-11-23T09:02:05Z'), 0);
});

test('agents sort available first, longest in state on top', () => {
  const asOf = '2026-11-23T10:00:00Z';
  const agents = [
    { id: 'a', name: 'Ann', state: 'busy', since: '2026-11-23T09:59:00Z' },
    { id: 'b', name: 'Bo', state: 'available', since: '2026-11-23T09:59:30Z' },
    { id: 'c', name: 'Cy', state: 'available', since: '2026-11-23T09:50:00Z' },
    { id: 'd', name: 'Di', state: 'away', since: null },
  ];
  agents.sort(compareAgents(asOf));
  assert.deepEqual(agents.map((agent) => agent.id), ['c', 'b', 'a', 'd']);
});
