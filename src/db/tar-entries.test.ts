import { describe, expect, it } from 'vitest';
import { type TarEntry, tarEntries } from './tar-entries.js';

/** One 512-byte ustar header, as PGlite's `dumpDataDir` writes them (a leading `/` on every name). */
function header(name: string, type: string, size: number): Uint8Array {
  const bytes = new Uint8Array(512);
  const put = (offset: number, text: string) => bytes.set(new TextEncoder().encode(text), offset);
  put(0, name);
  put(100, '0000666\0');
  put(124, `${size.toString(8).padStart(11, '0')}\0`);
  put(156, type);
  put(257, 'ustar\0' + '00');
  put(148, '        ');
  const sum = bytes.reduce((total, byte) => total + byte, 0);
  put(148, `${sum.toString(8).padStart(6, '0')}\0 `);
  return bytes;
}

const padded = (data: Uint8Array) => {
  const out = new Uint8Array(Math.ceil(data.length / 512) * 512);
  out.set(data);
  return out;
};

const archive = (...parts: Uint8Array[]) => {
  const whole = new Uint8Array(parts.reduce((n, part) => n + part.length, 0) + 1024);
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
};

const fileOf = (name: string, text: string) => {
  const data = new TextEncoder().encode(text);
  return [header(name, '0', data.length), padded(data)];
};

const read = (tar: Uint8Array) =>
  [...tarEntries(tar)].map((entry: TarEntry) =>
    entry.kind === 'file' ? { ...entry, data: new TextDecoder().decode(entry.data) } : entry,
  );

describe('tarEntries', () => {
  it('reads directories and files with their bytes, relative to the archive root', () => {
    const long = 'x'.repeat(700);
    const tar = archive(
      header('/base', '5', 0),
      header('/base/1', '5', 0),
      ...fileOf('/base/1/112', long),
      ...fileOf('/PG_VERSION', '17\n'),
      ...fileOf('/global/empty', ''),
    );
    expect(read(tar)).toEqual([
      { kind: 'directory', path: 'base' },
      { kind: 'directory', path: 'base/1' },
      { kind: 'file', path: 'base/1/112', data: long },
      { kind: 'file', path: 'PG_VERSION', data: '17\n' },
      { kind: 'file', path: 'global/empty', data: '' },
    ]);
  });

  it('refuses a name that leaves the archive root', () => {
    expect(() => read(archive(...fileOf('/base/../../etc/passwd', 'x')))).toThrow(
      'The tar entry at byte 0 has a path outside the archive: "/base/../../etc/passwd"',
    );
  });

  it('refuses links and other kinds of entries', () => {
    expect(() => read(archive(...fileOf('/PG_VERSION', '17\n'), header('/pg_wal', '2', 0)))).toThrow(
      'The tar entry pg_wal is of type "2": only files and directories are read',
    );
  });

  it('refuses a damaged header and a file cut short', () => {
    const damaged = header('/PG_VERSION', '0', 3);
    damaged[3] = 'Y'.charCodeAt(0);
    expect(() => read(archive(damaged, padded(new Uint8Array(3))))).toThrow(
      'The tar entry at byte 0 is damaged (its header checksum does not match)',
    );
    expect(() => read(header('/base/1/112', '0', 8192))).toThrow('The tar entry base/1/112 is cut short');
  });
});
