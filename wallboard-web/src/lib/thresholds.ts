// A value's state against the catalog's thresholds, exactly as the server's KpiThresholds.StateOf reads
// them: a level is breached strictly above `above` or strictly below `below`; critical wins over warning;
// null (no data) is never a breach.

export interface ThresholdLevel {
  above: number | null;
  below: number | null;
}

export interface Thresholds {
  warning: ThresholdLevel | null;
  critical: ThresholdLevel | null;
}

/**
 * `none` is a KPI without thresholds (a plain count): it is shown without a verdict. `lowsample` is a
 * value resting on fewer answers than the server's minimum sample (its `lowSample` list): shown greyed,
 * never red, whatever the thresholds say.
 */
export type TileState = 'ok' | 'warning' | 'critical' | 'nodata' | 'none' | 'lowsample';

export function isBreached(level: ThresholdLevel | null | undefined, value: number): boolean {
  if (!level) {
    return false;
  }
  return (level.above !== null && level.above !== undefined && value > level.above)
    || (level.below !== null && level.below !== undefined && value < level.below);
}

export function stateOf(value: number | null | undefined, thresholds: Thresholds | null | undefined, lowSample = false): TileState {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return 'nodata';
  }
  if (lowSample) {
    return 'lowsample';
  }
  if (!thresholds) {
    return 'none';
  }
  if (isBreached(thresholds.critical, value)) {
    return 'critical';
  }
  if (isBreached(thresholds.warning, value)) {
    return 'warning';
  }
  return 'ok';
}

/** The word and icon name shown with each state: colour is never the only signal. */
export const STATE_WORDS: Record<TileState, string> = {
  ok: 'OK',
  warning: 'Warning',
  critical: 'Critical',
  nodata: 'No data',
  none: '',
  lowsample: 'Few answers',
};

/** The glyph each state stands for (the tile draws it as SVG so every TV renders the same shape). */
export const STATE_GLYPHS: Record<TileState, string> = {
  ok: '✓',
  warning: '▲',
  critical: '✖',
  nodata: '○',
  none: '',
  lowsample: '○',
};

/** A short target text for the tile footer and the explain panel, e.g. "target ≥ 80 %" or "ok 70–90 %". */
export function describeTarget(thresholds: Thresholds | null | undefined, format: (value: number) => string): string {
  const warning = thresholds?.warning;
  if (!warning) {
    const critical = thresholds?.critical;
    if (!critical) {
      return '';
    }
    return describeLevel(critical, format);
  }
  return describeLevel(warning, format);
}

function describeLevel(level: ThresholdLevel, format: (value: number) => string): string {
  const hasAbove = level.above !== null && level.above !== undefined;
  const hasBelow = level.below !== null && level.below !== undefined;
  if (hasAbove && hasBelow) {
    return `target ${format(level.below!)} – ${format(level.above!)}`;
  }
  if (hasBelow) {
    return `target ≥ ${format(level.below!)}`;
  }
  if (hasAbove) {
    return `target ≤ ${format(level.above!)}`;
  }
  return '';
}

/** Every level in words, for the explain panel: "warning below 80 %, critical below 70 %". */
export function describeThresholds(thresholds: Thresholds | null | undefined, format: (value: number) => string): string {
  if (!thresholds || (!thresholds.warning && !thresholds.critical)) {
    return 'none (shown without a verdict)';
  }
  const parts: string[] = [];
  for (const [name, level] of [['warning', thresholds.warning], ['critical', thresholds.critical]] as const) {
    if (!level) {
      continue;
    }
    const sides: string[] = [];
    if (level.below !== null && level.below !== undefined) {
      sides.push(`below ${format(level.below)}`);
    }
    if (level.above !== null && level.above !== undefined) {
      sides.push(`above ${format(level.above)}`);
    }
    parts.push(`${name} ${sides.join(' or ')}`);
  }
  return parts.join(', ');
}
