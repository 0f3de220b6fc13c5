// Sparkline histories outlive a self-reload: they are saved to localStorage (pruned to the last hour)
// every half minute and when the page goes away, and read back on start.

import { HISTORY_MS, SeriesHistory, type Sample } from './history.ts';

const STORAGE_KEY = 'wallboard:history:v1';

export class HistoryStore {
  private readonly series = new Map<string, SeriesHistory>();

  constructor(private readonly storage: Storage | null, now = Date.now()) {
    this.load(now);
  }

  get(key: string): SeriesHistory {
    let history = this.series.get(key);
    if (!history) {
      history = new SeriesHistory();
      this.series.set(key, history);
    }
    return history;
  }

  save(now = Date.now()): void {
    if (!this.storage) {
      return;
    }
    const data: Record<string, Sample[]> = {};
    for (const [key, history] of this.series) {
      history.prune(now);
      if (history.points.length > 0) {
        data[key] = history.toJSON();
      }
    }
    try {
      this.storage.setItem(STORAGE_KEY, JSON.stringify({ savedAt: now, series: data }));
    } catch {
      // Full or disabled storage: the sparklines simply start empty after a reload.
    }
  }

  private load(now: number): void {
    if (!this.storage) {
      return;
    }
    try {
      const text = this.storage.getItem(STORAGE_KEY);
      if (!text) {
        return;
      }
      const parsed = JSON.parse(text) as { savedAt?: number; series?: Record<string, Sample[]> };
      if (!parsed.series || typeof parsed.savedAt !== 'number' || now - parsed.savedAt > HISTORY_MS) {
        return;
      }
      for (const [key, samples] of Object.entries(parsed.series)) {
        if (Array.isArray(samples)) {
          const history = new SeriesHistory(samples);
          history.prune(now);
          this.series.set(key, history);
        }
      }
    } catch {
      // A corrupt entry is dropped.
    }
  }
}

export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
