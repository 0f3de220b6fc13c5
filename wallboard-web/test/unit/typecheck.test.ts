import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The sources are TypeScript bundled by esbuild, which strips types without checking them: this test
// is where a type error fails the build.
test('tsc --noEmit finds no type errors (strict)', () => {
  const web = path.resolve(process.cwd());
  const tsc = path.join(web, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', web], { encoding: 'utf8' });
  assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
});
