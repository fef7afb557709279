import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  it('opens what it sealed, and every seal differs', () => {
    const box = SecretBox.fromPassphrase('x'.repeat(40));
    fc.assert(
      fc.property(fc.string(), (plain) => {
        const a = box.seal(plain);
        expect(box.open(a)).toBe(plain);
        expect(box.seal(plain)).not.toBe(a);
        if (plain.length > 3) expect(a).not.toContain(plain);
      }),
    );
  });

  it('refuses tampered values and other keys', () => {
    const sealed = SecretBox.fromPassphrase('a'.repeat(40)).seal('secret');
    expect(() => SecretBox.fromPassphrase('b'.repeat(40)).open(sealed)).toThrow(/cannot be decrypted/);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => SecretBox.fromPassphrase('a'.repeat(40)).open(parts.join('.'))).toThrow(
      /cannot be decrypted/,
    );
  });

  it('creates a key file readable by its owner only, and keeps using it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-key-'));
    const sealed = SecretBox.fromKeyFile(dir).seal('value');
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(SecretBox.fromKeyFile(dir).open(sealed)).toBe('value');
  });

  it('refuses a key file others can read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-key-'));
    writeFileSync(join(dir, 'secret.key'), Buffer.alloc(32).toString('base64'), { mode: 0o644 });
    expect(() => SecretBox.fromKeyFile(dir)).toThrow(/chmod 600/);
  });
});
