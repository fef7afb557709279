/** `npm run bench -- <name>`: runs one benchmark. Results are printed; record them in bench/RESULTS.md. */
const benchmarks: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  ingest: () => import('./ingest.js'),
  merge: () => import('./merge.js'),
  licenses: () => import('./licenses.js'),
  sync: () => import('./sync.js'),
  console: () => import('./console.js'),
  offboarding: () => import('./offboarding.js'),
  expenses: () => import('./expenses.js'),
  webhooks: () => import('./webhooks.js'),
  workflows: () => import('./workflows.js'),
  api: () => import('./api.js'),
  extension: () => import('./extension.js'),
};

const name = process.argv[2];
const load = name ? benchmarks[name] : undefined;
if (!load) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(benchmarks).join('|')}>\n`);
  process.exit(2);
}
await (await load()).run();
