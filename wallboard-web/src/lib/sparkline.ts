// The SVG path of a sparkline: the last hour left to right, the value range bottom to top. A pause of
// more than GAP_MS between samples (the board was disconnected) or a null value breaks the line, so a
// gap on the wall means "we did not see this time", never a made-up straight line.

import { HISTORY_MS, type Sample } from './history.ts';

export const GAP_MS = 30_000;
export const MIN_SPAN_MS = 2 * 60_000;

/**
 * The time the sparkline spans: the last hour once the board has watched for an hour; before that,
 * from the first sample (at least two minutes), so a board started a minute ago does not draw a dot
 * in a corner.
 */
export function sparklineSpan(samples: readonly Sample[], now: number): number {
  const first = samples[0]?.[0];
  if (first === undefined) {
    return HISTORY_MS;
  }
  return Math.min(HISTORY_MS, Math.max(MIN_SPAN_MS, now - first));
}

export interface SparklinePaths {
  /** The line ("M x y L x y …"), empty when there is nothing to draw. */
  line: string;
  /** The same line closed along the bottom, for the soft fill beneath it. */
  area: string;
  min: number | null;
  max: number | null;
}

export function sparklinePaths(
  samples: readonly Sample[],
  now: number,
  width: number,
  height: number,
  windowMs: number,
  pad = 2,
): SparklinePaths {
  const start = now - windowMs;
  const visible = samples.filter(([at, value]) => at >= start && at <= now && value !== null && Number.isFinite(value));
  if (visible.length === 0) {
    return { line: '', area: '', min: null, max: null };
  }
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const [, value] of visible) {
    min = Math.min(min, value!);
    max = Math.max(max, value!);
  }
  // A flat series sits in the middle rather than on an edge.
  const span = max - min;
  const low = span === 0 ? min - 1 : min;
  const high = span === 0 ? max + 1 : max;
  const x = (at: number) => round(((at - start) / windowMs) * width);
  const y = (value: number) => round(pad + (1 - (value - low) / (high - low)) * (height - 2 * pad));

  const segments: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> = [];
  let previousAt: number | null = null;
  for (const [at, value] of samples) {
    if (at < start || at > now) {
      continue;
    }
    if (value === null || !Number.isFinite(value) || (previousAt !== null && at - previousAt > GAP_MS)) {
      if (current.length > 0) {
        segments.push(current);
      }
      current = [];
    }
    if (value !== null && Number.isFinite(value)) {
      current.push([x(at), y(value)]);
    }
    previousAt = value === null ? null : at;
  }
  if (current.length > 0) {
    segments.push(current);
  }

  const lines: string[] = [];
  const areas: string[] = [];
  for (const segment of segments) {
    const points = segment.length === 1 ? [segment[0]!, [Math.min(width, segment[0]![0] + 1), segment[0]![1]] as [number, number]] : segment;
    const path = points.map(([px, py], index) => `${index === 0 ? 'M' : 'L'}${px} ${py}`).join(' ');
    lines.push(path);
    areas.push(`${path} L${points[points.length - 1]![0]} ${height} L${points[0]![0]} ${height} Z`);
  }
  return { line: lines.join(' '), area: areas.join(' '), min, max };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
