// The server's HTTP API as the client uses it (shapes from src/Wallboard.Server; JSON is camelCase).

import type { Thresholds } from './lib/thresholds.ts';
import type { Unit } from './lib/format.ts';
import { retryDelay } from './lib/backoff.ts';

export interface TileDefinition {
  kpi: string;
  scope: string;
  window: string;
  label?: string | null;
}

export interface BoardDefinition {
  id: string;
  title: string;
  tiles: TileDefinition[];
}

export interface BoardsPayload {
  siteName: string;
  timeZone: string;
  boards: BoardDefinition[];
}

export interface CatalogEntry {
  id: string;
  label: string;
  unit: Unit;
  windows: string[];
  direction: 'higherIsBetter' | 'lowerIsBetter' | 'neutral' | 'band';
  formula: string;
  measuredAt: string;
  thresholds: Thresholds | null;
  scopes: string[];
  feeds: string[];
}

export interface CatalogPayload {
  kpis: CatalogEntry[];
  windows: string[];
  settings: {
    serviceLevelThresholdSeconds: number;
    shortAbandonThresholdSeconds: number;
    repeatContactHorizonSeconds: number;
    allowedLatenessSeconds: number;
    timeZone: string;
    clock: string;
  };
}

export interface KpiParts {
  numerator: number;
  denominator: number;
  numeratorCounts: string;
  denominatorCounts: string;
}

export interface KpiExplanation {
  parts: Record<string, KpiParts>;
  settings: {
    serviceLevelThresholdSeconds: number;
    shortAbandonThresholdSeconds: number;
    repeatContactHorizonSeconds: number;
    dailyReset: string;
  };
  timeZone: string;
  allowedLatenessSeconds: number;
}

export interface KpiRow {
  scope: string;
  window: string;
  asOf: string;
  values: Record<string, number | null>;
  /** KPIs whose value rests on fewer answers than the minimum sample (shown greyed, not red); omitted when none. */
  lowSample?: string[];
  explain?: KpiExplanation;
}

/** A hub push (and the answer to Subscribe): changed rows, or all of them when `full`. */
export interface KpiUpdate {
  sequence: number;
  asOf: string;
  full: boolean;
  stale: boolean;
  rows: KpiRow[];
}

export interface BoardStatus {
  stale: boolean;
  reason: string | null;
  at: string;
}

export interface AgentPayload {
  id: string;
  name: string | null;
  state: string;
  since: string | null;
  queues: string[];
  team: string | null;
}

export interface AgentsPayload {
  asOf: string;
  queues: string[];
  agents: AgentPayload[];
}

export class HttpError extends Error {
  constructor(readonly status: number, readonly url: string) {
    super(`${url} answered ${status}`);
  }
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store', signal: signal ?? null });
  if (!response.ok) {
    throw new HttpError(response.status, url);
  }
  return (await response.json()) as T;
}

/**
 * Fetches until it works (the server may be restarting while a TV boots), with the same back-off as
 * the hub; a 404 is an answer, not an outage, and is thrown at once.
 */
export async function getJsonPatiently<T>(url: string, onRetry?: (attempt: number, error: unknown) => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await getJson<T>(url);
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) {
        throw error;
      }
      onRetry?.(attempt, error);
      await new Promise((resolve) => setTimeout(resolve, retryDelay(attempt + 1)));
    }
  }
}

export const api = {
  boards: () => getJsonPatiently<BoardsPayload>('/api/v1/boards'),
  catalog: () => getJsonPatiently<CatalogPayload>('/api/v1/catalog'),
  scopes: () => getJsonPatiently<{ scopes: string[] }>('/api/v1/scopes'),
  explain: (scope: string, window: string) =>
    getJson<KpiRow>(`/api/v1/kpis?scope=${encodeURIComponent(scope)}&window=${encodeURIComponent(window)}&explain=true`),
};

export function rowKey(scope: string, window: string): string {
  return `${scope}|${window}`;
}

/** Outside figures (metric.recorded) appear on boards as ext.<name>, in the now window. */
export function isOutsideFigure(kpi: string): boolean {
  return kpi.startsWith('ext.');
}

export function tileKey(tile: TileDefinition): string {
  return `${tile.kpi}|${tile.scope}|${tile.window}`;
}
