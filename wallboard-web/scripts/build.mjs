// Builds the client into the server's static files (src/Wallboard.Server/wwwroot, never committed):
// one hashed script, one hashed stylesheet (with the Inter font files beside it) and index.html
// pointing at them, so a TV that reloads after an upgrade can never mix old and new files.
// Usage: node scripts/build.mjs [--out DIR]

import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const web = path.resolve(here, '..');
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.resolve(web, '..', 'src', 'Wallboard.Server', 'wwwroot');

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const result = await build({
  absWorkingDir: web,
  entryPoints: { app: 'src/main.ts' },
  bundle: true,
  format: 'esm',
  target: ['chrome100', 'firefox100', 'safari15', 'edge100'],
  minify: true,
  sourcemap: 'linked',
  outdir: out,
  entryNames: '[name]-[hash]',
  assetNames: 'assets/[name]-[hash]',
  publicPath: '/',
  loader: { '.woff2': 'file', '.woff': 'file' },
  metafile: true,
  logLevel: 'warning',
  legalComments: 'linked',
});

const outputs = Object.keys(result.metafile.outputs).map((file) => path.relative(out, path.resolve(web, file)).split(path.sep).join('/'));
const js = outputs.find((file) => /^app-[^/]+\.js$/.test(file));
const css = outputs.find((file) => /^app-[^/]+\.css$/.test(file));
if (!js || !css) {
  throw new Error(`esbuild did not write app-*.js and app-*.css: ${outputs.join(', ')}`);
}
const html = (await readFile(path.join(web, 'src', 'index.html'), 'utf8')).replace('__JS__', `/${js}`).replace('__CSS__', `/${css}`);
await writeFile(path.join(out, 'index.html'), html);

const sizes = Object.entries(result.metafile.outputs)
  .filter(([file]) => /\.(js|css)$/.test(file))
  .map(([file, meta]) => `${path.basename(file)} ${(meta.bytes / 1024).toFixed(1)} KB`);
console.log(`wallboard-web built into ${path.relative(process.cwd(), out) || out}: ${sizes.join(', ')}`);
