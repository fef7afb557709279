import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * `npm run build`: the CLI and the server as one ES module bundle in dist/cli/, split into chunks so
 * that what a command loads late (`await import(...)`: the server, the demo and its fake data, the
 * workbook reader, the mailer, jose, openid-client) stays in chunks of its own, loaded as late as before.
 * Node then reads a few dozen files at `roster serve` instead of about a thousand ES modules and
 * Fastify's CommonJS, each resolved, read and compiled on its own (ARCHITECTURE.md, "The build").
 *
 * Every chunk sits beside index.js in dist/cli/, two folders below the package root as every source
 * file is below it in src/, so the paths the code resolves from `import.meta.url` (migrations/,
 * catalog/, console/dist/, dist/data-template/, package.json) are the same from src/ and from the bundle.
 */
const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'dist');
const out = join(dist, 'cli');

/**
 * Packages that stay in node_modules, loaded by Node from their own files, each because it needs them:
 * - @electric-sql/pglite reads its .wasm and .data files beside its module;
 * - @node-rs/argon2 and fs-native-extensions load a native binary from their package;
 * - @fastify/swagger-ui serves the API reference's files from its package folder, and @fastify/swagger
 *   reads its own package.json from `__dirname`;
 * - pino starts its transports' workers from its files (thread-stream);
 * - pg-native is pg's optional native binding, never installed with Roster.
 */
const externalPackages = [
  '@electric-sql/pglite',
  '@node-rs/argon2',
  'fs-native-extensions',
  '@fastify/swagger-ui',
  '@fastify/swagger',
  'pino',
  'pg-native',
];

/** What the tests read to tell which sources a loaded chunk holds; not part of the package. */
const metafilePath = join(dist, 'cli-bundle.meta.json');

// The template is built after this and kept; the rest of dist/ is this bundle's alone.
mkdirSync(dist, { recursive: true });
for (const entry of readdirSync(dist, { withFileTypes: true }).filter((e) => e.name !== 'data-template'))
  rmSync(join(dist, entry.name), { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/index.ts'],
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: externalPackages.flatMap((name) => [name, `${name}/*`]),
  chunkNames: 'chunk-[hash]',
  // The bundled CommonJS packages (Fastify and its plugins among them) call require() for Node's own
  // modules and for the external packages: an ES module has none of its own.
  banner: {
    js: "import { createRequire as rosterCreateRequire } from 'node:module';\nconst require = rosterCreateRequire(import.meta.url);",
  },
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(metafilePath, JSON.stringify(result.metafile));
console.log(
  `Bundled the CLI and the server into ${out} (${Object.keys(result.metafile.outputs).length} files)`,
);
