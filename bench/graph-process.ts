/**
 * The simulated Microsoft Graph in a process of its own, as a real provider is remote: `sync` starts it, reads
 * the source settings it prints on its first line, and ends it by closing its standard input.
 */
import { generateDirectory } from '../src/simulators/kit/directory.js';
import { startMicrosoftGraph } from '../src/simulators/microsoft-graph/graph-simulator.js';

const people = Number(process.argv[2] ?? 50_000);
const directory = generateDirectory({ people, aliasesPerPerson: 3, now: new Date() });
const graph = await startMicrosoftGraph({ directory });
process.stdout.write(`${JSON.stringify({ kind: graph.kind, source: graph.source })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void graph.close().then(() => process.exit(0));
});
