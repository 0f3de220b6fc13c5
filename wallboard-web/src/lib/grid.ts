// How many columns and rows a board of n tiles takes on a screen of any shape. Each cell must hold a
// tile whose content is laid out for a landscape box (TILE_ASPECT wide per unit high); the layout that
// makes that box largest wins, so the figures are as big as the screen allows. Fonts then follow the
// cell through CSS container units, which is why 1 tile and 40 tiles both fill 1080p and 4K exactly.

export const TILE_ASPECT = 1.45;

export interface GridLayout {
  cols: number;
  rows: number;
  /** Width and height of one cell in pixels. */
  cellWidth: number;
  cellHeight: number;
}

export function gridFor(count: number, width: number, height: number, gap = 0, aspect = TILE_ASPECT): GridLayout {
  const tiles = Math.max(1, Math.floor(count));
  let best: GridLayout | null = null;
  let bestScale = -1;
  let bestEmpty = Number.POSITIVE_INFINITY;
  for (let cols = 1; cols <= tiles; cols++) {
    const rows = Math.ceil(tiles / cols);
    if (cols > 1 && Math.ceil(tiles / (cols - 1)) === rows) {
      // Fewer columns give the same rows: this layout only leaves more empty cells.
      continue;
    }
    const cellWidth = (width - gap * (cols - 1)) / cols;
    const cellHeight = (height - gap * (rows - 1)) / rows;
    if (cellWidth <= 0 || cellHeight <= 0) {
      continue;
    }
    const scale = Math.min(cellWidth / aspect, cellHeight);
    const empty = cols * rows - tiles;
    // Within 2 % the fuller grid looks better than a marginally bigger one with holes.
    const clearlyBigger = scale > bestScale * 1.02;
    const aboutEqual = !clearlyBigger && scale >= bestScale * 0.98;
    if (best === null || clearlyBigger || (aboutEqual && empty < bestEmpty)) {
      best = { cols, rows, cellWidth, cellHeight };
      bestScale = scale;
      bestEmpty = empty;
    }
  }
  return best ?? { cols: 1, rows: tiles, cellWidth: Math.max(0, width), cellHeight: Math.max(0, height / tiles) };
}

/** A fixed column count (the ?cols= parameter) still needs its rows and cell sizes. */
export function gridWithColumns(count: number, cols: number, width: number, height: number, gap = 0): GridLayout {
  const columns = Math.max(1, Math.min(Math.floor(cols), Math.max(1, count)));
  const rows = Math.ceil(Math.max(1, count) / columns);
  return {
    cols: columns,
    rows,
    cellWidth: (width - gap * (columns - 1)) / columns,
    cellHeight: (height - gap * (rows - 1)) / rows,
  };
}
