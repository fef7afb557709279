import { parseTar } from 'nanotar';

/**
 * The entries of a tar archive of the kind PGlite's `dumpDataDir` writes (regular files and directories,
 * every name starting with `/`), read with nanotar, so the build's data template can be written to disk with
 * Node's own file calls. Anything else (links, devices, a name leaving the archive's root) is refused rather
 * than guessed at: the archive becomes a database. Damage is caught a step earlier, by gzip's checksum.
 */

export type TarEntry = { kind: 'file'; path: string; data: Uint8Array } | { kind: 'directory'; path: string };

/** The entry's path relative to the archive's root ("/base/1/112" → "base/1/112"), refusing `..` and empty names. */
function relativePath(name: string): string {
  const parts = name.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.length === 0 || parts.includes('..'))
    throw new Error(`The tar entry ${JSON.stringify(name)} has a path outside the archive`);
  return parts.join('/');
}

/** The archive's entries in order; throws, naming the entry, on a kind or path it does not write. */
export function tarEntries(archive: Uint8Array): TarEntry[] {
  return parseTar(archive).map((item) => {
    const path = relativePath(item.name);
    if (item.type === 'directory') return { kind: 'directory', path };
    if (item.type === 'file') return { kind: 'file', path, data: item.data ?? new Uint8Array() };
    throw new Error(
      `The tar entry ${path} is of type ${JSON.stringify(item.type)}: only files and directories are read`,
    );
  });
}
