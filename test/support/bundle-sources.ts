import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { repoRoot } from './cli.js';

/** The esbuild metafile `npm run build` writes beside the bundle (scripts/build-cli.ts). */
const metafile = join(repoRoot, 'dist/cli-bundle.meta.json');

/**
 * The modules a process loaded, seen through the bundle: each chunk of dist/cli/ it loaded stands for the
 * source files and packages built into it (as file URLs, like the modules Node resolves itself), so a test
 * asking whether Fastify or faker was loaded gets the same answer from the bundle as from the sources.
 * URLs outside dist/cli/ (Node's own modules, the packages kept external) are kept as they are.
 */
export function sourcesOfLoaded(urls: string[]): string[] {
  const bundled = urls.filter((url) => url.startsWith(pathToFileURL(join(repoRoot, 'dist/cli/')).href));
  if (bundled.length === 0) return urls;
  const { outputs } = JSON.parse(readFileSync(metafile, 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };
  const sources = urls.filter((url) => !bundled.includes(url));
  for (const url of bundled) {
    const output = outputs[fileURLToPath(url).slice(repoRoot.length)];
    if (!output) throw new Error(`${url} is not in ${metafile}: run npm run build`);
    for (const input of Object.keys(output.inputs))
      sources.push(pathToFileURL(resolve(repoRoot, input)).href);
  }
  return sources;
}
