/**
 * Reads a tar archive of the kind PGlite's `dumpDataDir` writes (ustar headers, regular files and
 * directories only), so the build's data template can be written to disk with Node's own file calls.
 * Anything else (links, devices, a name leaving the archive's root, a damaged header) is refused rather
 * than guessed at: the archive becomes a database.
 */

export type TarEntry = { kind: 'file'; path: string; data: Uint8Array } | { kind: 'directory'; path: string };

const block = 512;
const decoder = new TextDecoder();

/** A NUL-terminated text field of the header. */
function text(header: Uint8Array, offset: number, length: number): string {
  const field = header.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return decoder.decode(end < 0 ? field : field.subarray(0, end));
}

/** An octal number field (spaces or NULs around the digits). */
function octal(header: Uint8Array, offset: number, length: number, what: string, at: number): number {
  const digits = text(header, offset, length).trim();
  if (!/^[0-7]*$/.test(digits)) throw new Error(`The tar entry at byte ${at} has an unreadable ${what}`);
  return digits ? Number.parseInt(digits, 8) : 0;
}

/** The header's checksum: the sum of its bytes, the checksum field itself counted as spaces. */
function checksumOf(header: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < block; i++) sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
  return sum;
}

/** The entry's path relative to the archive's root ("/base/1/112" → "base/1/112"), refusing `..` and empty names. */
function relativePath(name: string, at: number): string {
  const parts = name.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.length === 0 || parts.includes('..'))
    throw new Error(`The tar entry at byte ${at} has a path outside the archive: ${JSON.stringify(name)}`);
  return parts.join('/');
}

const isEndBlock = (header: Uint8Array) => header.every((byte) => byte === 0);

/** The archive's entries in order; throws, naming the byte offset, on anything it cannot read exactly. */
export function* tarEntries(archive: Uint8Array): Generator<TarEntry> {
  let at = 0;
  while (at + block <= archive.length) {
    const header = archive.subarray(at, at + block);
    if (isEndBlock(header)) return;
    if (octal(header, 148, 8, 'checksum', at) !== checksumOf(header))
      throw new Error(`The tar entry at byte ${at} is damaged (its header checksum does not match)`);
    const prefix = text(header, 345, 155);
    const path = relativePath(prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100), at);
    const type = String.fromCharCode(header[156] ?? 0);
    const size = octal(header, 124, 12, 'size', at);
    const dataStart = at + block;
    if (type === '0' || type === '\0') {
      if (dataStart + size > archive.length) throw new Error(`The tar entry ${path} is cut short`);
      yield { kind: 'file', path, data: archive.subarray(dataStart, dataStart + size) };
    } else if (type === '5') {
      yield { kind: 'directory', path };
    } else {
      throw new Error(
        `The tar entry ${path} is of type ${JSON.stringify(type)}: only files and directories are read`,
      );
    }
    at = dataStart + Math.ceil(size / block) * block;
  }
  if (at < archive.length) throw new Error(`The tar archive ends inside a header at byte ${at}`);
}
