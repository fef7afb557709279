// Loaded with `node --import`: records every module the process resolves, one URL a line, in the file
// ROSTER_RECORD_MODULES names. The hook runs on the loader's thread, so it writes as it goes.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(process.env.ROSTER_RECORD_MODULES)}, resolved.url + '\\n');
  return resolved;
}`;
appendFileSync(process.env.ROSTER_RECORD_MODULES, '');
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
