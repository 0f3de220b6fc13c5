import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gridFor, gridWithColumns } from '../../src/lib/grid.ts';

// The grid area of a 1920×1080 board (header and padding taken off) and of 3840×2160.
const hd = { width: 1890, height: 985 };
const uhd = { width: 3780, height: 1970 };

test('one tile takes the whole screen', () => {
  assert.deepEqual(pick(gridFor(1, hd.width, hd.height, 12)), [1, 1]);
});

test('the default boards get balanced grids on 1080p', () => {
  assert.deepEqual(pick(gridFor(12, hd.width, hd.height, 12)), [4, 3]);
  assert.deepEqual(pick(gridFor(18, hd.width, hd.height, 12)), [6, 3]);
  assert.deepEqual(pick(gridFor(8, hd.width, hd.height, 12)), [4, 2]);
  assert.deepEqual(pick(gridFor(40, hd.width, hd.height, 12)), [8, 5]);
});

test('4K keeps the 1080p layout (same aspect), only bigger', () => {
  for (const count of [1, 12, 18, 40]) {
    assert.deepEqual(pick(gridFor(count, uhd.width, uhd.height, 24)), pick(gridFor(count, hd.width, hd.height, 12)), `${count} tiles`);
  }
});

test('a portrait screen stacks more rows than columns', () => {
  const layout = gridFor(12, 1050, 1840, 12);
  assert.ok(layout.rows > layout.cols, `${layout.cols}×${layout.rows}`);
});

test('for 1 to 40 tiles every cell fits the area and there is room for every tile', () => {
  for (const area of [hd, uhd, { width: 1240, height: 700 }, { width: 1050, height: 1840 }]) {
    for (let count = 1; count <= 40; count++) {
      const layout = gridFor(count, area.width, area.height, 12);
      assert.ok(layout.cols * layout.rows >= count, `${count} tiles fit ${layout.cols}×${layout.rows}`);
      assert.ok(layout.cols * layout.cellWidth + (layout.cols - 1) * 12 <= area.width + 0.001, `width for ${count}`);
      assert.ok(layout.rows * layout.cellHeight + (layout.rows - 1) * 12 <= area.height + 0.001, `height for ${count}`);
      // A whole empty row would waste space: never more empty cells than one row minus one.
      assert.ok(layout.cols * layout.rows - count < layout.cols, `no empty row for ${count}`);
    }
  }
});

test('a fixed column count (?cols=) computes its rows', () => {
  assert.deepEqual(pick(gridWithColumns(18, 3, hd.width, hd.height, 12)), [3, 6]);
  assert.deepEqual(pick(gridWithColumns(2, 5, hd.width, hd.height, 12)), [2, 1]);
});

function pick(layout: { cols: number; rows: number }): [number, number] {
  return [layout.cols, layout.rows];
}
