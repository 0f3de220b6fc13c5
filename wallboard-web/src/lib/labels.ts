// Captions for scopes and windows as people say them: "Sales queue", "last 15 min", "today".

const KIND_NAMES: Record<string, string> = {
  queue: 'queue',
  team: 'team',
  channel: 'channel',
  agent: 'agent',
  category: 'category',
};

const ACRONYMS = new Set(['sms', 'vip', 'faq', 'it', 'hr', 'crm', 'vat', 'b2b', 'b2c', 'ivr', 'api']);

/** "web-chat" → "Web chat"; "sms-care" → "SMS care". */
export function humanize(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim().split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0) {
    return name;
  }
  return words
    .map((word, index) => (ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : index === 0 ? word[0]!.toUpperCase() + word.slice(1) : word))
    .join(' ');
}

/** "all" → "All queues"; "queue:sales" → "Sales queue"; "team:alpha" → "Alpha team". */
export function scopeCaption(scope: string): string {
  if (scope === 'all') {
    return 'All queues';
  }
  const colon = scope.indexOf(':');
  if (colon < 0) {
    return humanize(scope);
  }
  const kind = scope.slice(0, colon);
  const name = scope.slice(colon + 1);
  const kindName = KIND_NAMES[kind] ?? kind;
  return `${humanize(name)} ${kindName}`;
}

/** "now" → "now"; "15m" → "last 15 min"; "60m" → "last 60 min"; "2h" → "last 2 h"; "today" → "today". */
export function windowCaption(window: string): string {
  if (window === 'now' || window === 'today') {
    return window;
  }
  const match = /^(\d+)([smhd])$/.exec(window);
  if (!match) {
    return window;
  }
  const units: Record<string, string> = { s: 's', m: 'min', h: 'h', d: 'd' };
  return `last ${match[1]} ${units[match[2]!]}`;
}

/** The window in a sentence, for the explain panel. */
export function windowSentence(window: string, dailyReset: string | undefined, timeZone: string | undefined): string {
  if (window === 'now') {
    return 'now: the current state, not a window of time';
  }
  if (window === 'today') {
    return `today: since ${dailyReset ?? '00:00'} in ${timeZone ?? 'the site time zone'} (the daily reset)`;
  }
  return `${windowCaption(window)}: a sliding window, exact to the second`;
}

/** The queue names of `?queues=a,b`, trimmed and without repeats. */
export function parseQueues(text: string | null | undefined): string[] {
  if (!text) {
    return [];
  }
  return [...new Set(text.split(',').map((queue) => queue.trim()).filter((queue) => queue.length > 0))];
}
