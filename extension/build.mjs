// Builds the unpacked extension into dist/: one bundle per entry point, beside the manifest, the managed
// storage schema and the pages. dist/ is what `--load-extension` and `--pack-extension` take.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await build({
  entryPoints: ['background', 'content', 'connected', 'popup'].map((name) => join(root, 'src', `${name}.ts`)),
  outdir: dist,
  bundle: true,
  // Content scripts cannot be modules; one format for every bundle keeps the manifest simple.
  format: 'iife',
  target: 'chrome116',
  logLevel: 'warning',
});

copyFileSync(join(root, 'manifest.json'), join(dist, 'manifest.json'));
copyFileSync(join(root, 'managed-schema.json'), join(dist, 'managed-schema.json'));
for (const page of readdirSync(join(root, 'static')))
  copyFileSync(join(root, 'static', page), join(dist, page));
