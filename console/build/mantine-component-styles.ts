import type { Plugin } from 'vite';

/**
 * Mantine ships one stylesheet per component (`@mantine/core/styles/<Name>.css`) next to the whole-library
 * sheet (290 KB). Every component module imports its class names from `<Name>.module.mjs`; this plugin
 * makes that module import the component's stylesheet too, so the build carries exactly the styles of the
 * components the console uses, each in the chunk of the page that uses it, and a component added later
 * can never be left unstyled. The import is appended, so a component's stylesheet follows those of the
 * components it is built from (Button after UnstyledButton), the order Mantine's own sheet has.
 */
export function mantineComponentStyles(): Plugin {
  const classNamesModule = /[\\/]@mantine[\\/]core[\\/]esm[\\/].*[\\/](\w+)\.module\.mjs$/;
  return {
    name: 'roster:mantine-component-styles',
    enforce: 'pre',
    transform(code, id) {
      const name = classNamesModule.exec(id)?.[1];
      if (!name) return null;
      return { code: `${code}\nimport '@mantine/core/styles/${name}.css';\n`, map: null };
    },
  };
}
