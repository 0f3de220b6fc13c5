// How numbers look on the wall: short, fixed-width, and the same everywhere (the TV, the agent view,
// the explain panel), so that "87.3 %" on a tile is exactly what the API's 87.3 means.

/** The catalog's units, and `number` for outside figures (ext.<name>), which the catalog does not describe. */
export type Unit = 'count' | 'percent' | 'seconds' | 'number';

/** A value split into the big figure and its unit, as a tile draws them. */
export interface Formatted {
  text: string;
  unit: string;
}

export const NO_DATA = '—';

const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Percent with one decimal (79.6 is not 80: thresholds are compared to the exact value); 100 stays "100". */
export function formatPercent(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  if (rounded >= 100) {
    return '100';
  }
  if (rounded <= 0) {
    return '0.0';
  }
  return rounded.toFixed(1);
}

/** Whole seconds as m:ss, h:mm:ss from an hour on; negative durations (clock skew) read as 0:00. */
export function formatSeconds(value: number): string {
  const total = Math.max(0, Math.round(value));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** Counts with thousands separators; from a million on, one decimal and "M" so the figure stays short. */
export function formatCount(value: number): string {
  const rounded = Math.round(value);
  if (Math.abs(rounded) >= 1_000_000) {
    return `${(rounded / 1_000_000).toFixed(1)}M`;
  }
  return countFormat.format(rounded);
}

export function unitSuffix(unit: Unit): string {
  switch (unit) {
    case 'percent':
      return '%';
    case 'seconds':
      return 'min';
    default:
      return '';
  }
}

/** The figure and unit of a KPI value; null (no data: nothing in the window) is a dash with no unit. */
export function formatValue(value: number | null | undefined, unit: Unit): Formatted {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return { text: NO_DATA, unit: '' };
  }
  switch (unit) {
    case 'percent':
      return { text: formatPercent(value), unit: '%' };
    case 'seconds':
      return { text: formatSeconds(value), unit: 'min' };
    case 'number':
      return { text: Math.abs(value) >= 1_000_000 ? formatCount(value) : numberFormat.format(value), unit: '' };
    default:
      return { text: formatCount(value), unit: '' };
  }
}

/** A threshold as the tile's target shows it: "80 %", "1:00", "5" (no needless decimals). */
export function formatThreshold(value: number, unit: Unit): string {
  switch (unit) {
    case 'percent':
      return `${Number.isInteger(value) ? String(value) : formatPercent(value)} %`;
    case 'seconds':
      return formatSeconds(value);
    case 'number':
      return numberFormat.format(value);
    default:
      return formatCount(value);
  }
}

/** One line of text, for titles and the explain panel: "87.3 %", "1:05", "1,234". */
export function formatInline(value: number | null | undefined, unit: Unit): string {
  const formatted = formatValue(value, unit);
  if (formatted.text === NO_DATA) {
    return 'no data';
  }
  return unit === 'percent' ? `${formatted.text} %` : formatted.text;
}

/** How old data is, for a tile's footer: "live" while fresh, then "12 s", "3 min", "2 h". */
export function formatAge(ms: number, freshMs = 5_000): string {
  if (ms < freshMs) {
    return 'live';
  }
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) {
    return `${seconds} s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min`;
  }
  return `${Math.floor(minutes / 60)} h`;
}

/** A setting given in seconds, in words: 20 → "20 s", 300 → "5 min", 86400 → "24 h". */
export function formatSettingSeconds(seconds: number): string {
  if (seconds % 3600 === 0 && seconds >= 3600) {
    return `${seconds / 3600} h`;
  }
  if (seconds % 60 === 0 && seconds >= 60) {
    return `${seconds / 60} min`;
  }
  return `${seconds} s`;
}

/** A raw numerator or denominator: whole numbers with separators, others with up to 3 decimals. */
export function formatPart(value: number): string {
  if (Number.isInteger(value)) {
    return countFormat.format(value);
  }
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }).format(value);
}
