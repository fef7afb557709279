import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mantineComponentStyles } from '../../console/build/mantine-component-styles.js';

// The package root, above its CommonJS entry (its exports do not list package.json).
const mantine = dirname(dirname(createRequire(import.meta.url).resolve('@mantine/core')));

/** Every `<Name>.module.mjs` Mantine ships: the modules the plugin gives a stylesheet. */
function classNameModules(dir = join(mantine, 'esm')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? classNameModules(join(dir, entry.name))
      : entry.name.endsWith('.module.mjs')
        ? [join(dir, entry.name)]
        : [],
  );
}

const transform = (code: string, id: string) =>
  (mantineComponentStyles().transform as (code: string, id: string) => { code: string } | null)(code, id);

describe("the console's per-component Mantine styles", () => {
  it('give every component module the stylesheet of the same name, which Mantine ships', () => {
    const modules = classNameModules();
    expect(modules.length).toBeGreaterThan(50);
    const missing = modules.flatMap((id) => {
      const result = transform('export default {};', id);
      const sheet = /import '@mantine\/core\/styles\/(\w+)\.css';/.exec(result?.code ?? '')?.[1];
      return sheet && existsSync(join(mantine, 'styles', `${sheet}.css`)) ? [] : [id];
    });
    expect(missing).toEqual([]);
  });

  it("append the import after the module's own code, so a component's sheet follows its parts'", () => {
    const id = join(mantine, 'esm/components/Button/Button.module.mjs');
    expect(transform('var classes = {};', id)?.code).toBe(
      "var classes = {};\nimport '@mantine/core/styles/Button.css';\n",
    );
  });

  it('leave every other module alone', () => {
    expect(transform('export {};', join(mantine, 'esm/components/Button/Button.mjs'))).toBeNull();
    expect(transform('export {};', '/work/console/src/components/data-table.module.mjs')).toBeNull();
  });
});
