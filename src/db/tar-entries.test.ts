import { createTar } from 'nanotar';
import { describe, expect, it } from 'vitest';
import { type TarEntry, tarEntries } from './tar-entries.js';

const read = (tar: Uint8Array) =>
  tarEntries(tar).map((entry: TarEntry) =>
    entry.kind === 'file' ? { ...entry, data: new TextDecoder().decode(entry.data) } : entry,
  );

/** A ustar header for a symbolic link, which createTar does not write: type flag `2` at byte 156. */
function withTypeOf(tar: Uint8Array, entryIndex: number, flag: string): Uint8Array {
  const copy = tar.slice();
  let at = 0;
  for (let i = 0; i < entryIndex; i++) {
    const size = Number.parseInt(
      new TextDecoder().decode(copy.subarray(at + 124, at + 135)).trim() || '0',
      8,
    );
    at += 512 + Math.ceil(size / 512) * 512;
  }
  copy[at + 156] = flag.charCodeAt(0);
  // The header checksum counts the type flag: recomputed so the entry is well formed.
  copy.fill(0x20, at + 148, at + 156);
  const sum = copy.subarray(at, at + 512).reduce((total, byte) => total + byte, 0);
  copy.set(new TextEncoder().encode(`${sum.toString(8).padStart(6, '0')}\0 `), at + 148);
  return copy;
}

describe('tarEntries', () => {
  it('reads directories and files with their bytes, relative to the archive root', () => {
    const long = 'x'.repeat(700);
    const tar = createTar([
      { name: '/base/' },
      { name: '/base/1/' },
      { name: '/base/1/112', data: long },
      { name: '/PG_VERSION', data: '17\n' },
      { name: '/global/empty', data: '' },
    ]);
    expect(read(tar)).toEqual([
      { kind: 'directory', path: 'base' },
      { kind: 'directory', path: 'base/1' },
      { kind: 'file', path: 'base/1/112', data: long },
      { kind: 'file', path: 'PG_VERSION', data: '17\n' },
      { kind: 'file', path: 'global/empty', data: '' },
    ]);
  });

  it('keeps a name that climbs out of the archive inside its root', () => {
    expect(read(createTar([{ name: '/base/../../etc/passwd', data: 'x' }]))).toEqual([
      { kind: 'file', path: 'etc/passwd', data: 'x' },
    ]);
  });

  it('refuses links and other kinds of entries', () => {
    const tar = withTypeOf(
      createTar([
        { name: '/PG_VERSION', data: '17\n' },
        { name: '/pg_wal', data: '' },
      ]),
      1,
      '2',
    );
    expect(() => read(tar)).toThrow(
      'The tar entry pg_wal is of type "symbolicLink": only files and directories are read',
    );
  });
});
