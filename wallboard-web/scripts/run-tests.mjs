// Runs the web tests with node's own test runner: bundles test/<kind>/*.test.ts (TypeScript, importing
// the sources) with esbuild into .test-build/<kind>/, runs them (human-readable output on the console,
// TAP into a file), and ends with "web <kind> tests: N passed, N failed". Exits 1 when any failed.
// Usage: node scripts/run-tests.mjs unit|browser [--no-build] [--filter <name pattern>]
// Browser tests build the client into the server's wwwroot first (unless --no-build) and need the
// server built in Release (dotnet build -c Release); they use $WALLBOARD_TEST_REDIS or start a Redis.

import { build } from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.resolve(here, '..');
const args = process.argv.slice(2);
const kind = args[0];
if (kind !== 'unit' && kind !== 'browser') {
  console.error('usage: node scripts/run-tests.mjs unit|browser [--no-build] [--filter <pattern>]');
  process.exit(2);
}
const filterAt = args.indexOf('--filter');
const filter = filterAt > 0 ? args[filterAt + 1] : null;

if (kind === 'browser' && !args.includes('--no-build')) {
  const built = spawnSync(process.execPath, [path.join(here, 'build.mjs')], { stdio: 'inherit', cwd: web });
  if (built.status !== 0) {
    finish(0, 1, 'the client build failed');
  }
}

const sourceDir = path.join(web, 'test', kind);
const outDir = path.join(web, '.test-build', kind);
await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });
const entries = (await readdir(sourceDir)).filter((file) => file.endsWith('.test.ts')).map((file) => path.join(sourceDir, file));
await build({
  absWorkingDir: web,
  entryPoints: entries,
  outdir: outDir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  sourcemap: 'inline',
  logLevel: 'warning',
});
const files = (await readdir(outDir)).filter((file) => file.endsWith('.test.mjs')).sort().map((file) => path.join(outDir, file));

const tap = path.join(outDir, 'results.tap');
const nodeArgs = [
  '--enable-source-maps',
  '--test',
  '--test-concurrency=1',
  `--test-timeout=${kind === 'browser' ? 180_000 : 60_000}`,
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tap}`,
  ...(filter ? [`--test-name-pattern=${filter}`] : []),
  ...files,
];
const child = spawn(process.execPath, nodeArgs, { cwd: web, stdio: 'inherit', env: process.env });
const code = await new Promise((resolve) => child.on('exit', (status) => resolve(status ?? 1)));

let text = '';
try {
  text = await readFile(tap, 'utf8');
} catch {
  text = '';
}
const count = (name) => {
  const match = new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text);
  return match ? Number(match[1]) : null;
};
const passed = count('pass');
const failed = (count('fail') ?? 0) + (count('cancelled') ?? 0);
if (passed === null) {
  finish(0, 1, `node --test exited with ${code} and reported nothing`);
}
finish(passed, code !== 0 && failed === 0 ? 1 : failed, code !== 0 && failed === 0 ? `node --test exited with ${code}` : '');

function finish(pass, fail, why) {
  if (why) {
    console.log(`web ${kind} tests: ${why}`);
  }
  console.log(`web ${kind} tests: ${pass} passed, ${fail} failed`);
  process.exit(fail > 0 ? 1 : 0);
}
