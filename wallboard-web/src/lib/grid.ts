// How many columns and rows a board of n tiles takes on a screen of any shape. Each cell must hold a
// tile whose content is laid out for a landscape box (TILE_ASPECT wide per unit high); the layout that
// makes that box largest wins, so the figures are as big as the screen allows. Fonts then follow the
// cell through CSS container units, which is why 1 tile and 40 tiles both fill 1080p and 4K exactly.

export const TILE_ASPECT = 1.45;
export const FULL_GRID_TOLERANCE = 0.13;

export interface GridLayout {
  cols: number;
  rows: number;
  /** Width and height of one cell in pixels. */
  cellWidth: number;
  cellHeight: number;
}

export function gridFor(count: number, width: number, height: number, gap = 0, aspect = TILE_ASPECT): GridLayout {
  const tiles = Math.max(1, Math.floor(count));
  const candidates: Array<GridLayout & { scale: number; empty: number }> = [];
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
    candidates.push({ cols, rows, cellWidth, cellHeight, scale: Math.min(cellWidth / aspect, cellHeight), empty: cols * rows - tiles });
  }
  if (candidates.length === 0) {
    return { cols: 1, rows: tiles, cellWidth: Math.max(0, width), cellHeight: Math.max(0, height / tiles) };
  }
  const biggest = Math.max(...candidates.map((candidate) => candidate.scale));
  // A full grid (no holes in the last row) is worth tiles up to FULL_GRID_TOLERANCE smaller.
  const eligible = candidates.filter((candidate) => candidate.scale >= biggest * (1 - FULL_GRID_TOLERANCE));
  eligible.sort((a, b) => a.empty - b.empty || b.scale - a.scale);
  const { cols, rows, cellWidth, cellHeight } = eligible[0]!;
  return { cols, rows, cellWidth, cellHeight };
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
