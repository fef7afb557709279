import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sealFirstFormat } from '../../test/support/first-format-seal.js';
import { SecretBox, sealedContexts } from './secret-box.js';

const source = sealedContexts.sourceCredentials;

describe('SecretBox', () => {
  it('opens what it sealed, and every seal differs', () => {
    const box = SecretBox.fromPassphrase('x'.repeat(40));
    fc.assert(
      fc.property(fc.string(), (plain) => {
        const a = box.seal(plain, source(1));
        expect(box.open(a, source(1))).toBe(plain);
        expect(box.seal(plain, source(1))).not.toBe(a);
        if (plain.length > 3) expect(a).not.toContain(plain);
      }),
    );
  });

  it('names its key id in the sealed value, and the id differs per key', () => {
    const a = SecretBox.fromPassphrase('a'.repeat(40));
    const b = SecretBox.fromPassphrase('b'.repeat(40));
    expect(a.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(a.keyId).not.toBe(b.keyId);
    const sealed = a.seal('secret', source(1));
    expect(sealed.startsWith(`v2.${a.keyId}.`)).toBe(true);
    expect(SecretBox.keyIdOf(sealed)).toBe(a.keyId);
  });

  it('refuses a value sealed for another record', () => {
    const box = SecretBox.fromPassphrase('a'.repeat(40));
    const sealed = box.seal('secret', source(1));
    expect(() => box.open(sealed, source(2))).toThrow(/belongs to another record/);
  });

  it('refuses tampered values, and values of another key naming both key ids', () => {
    const a = SecretBox.fromPassphrase('a'.repeat(40));
    const b = SecretBox.fromPassphrase('b'.repeat(40));
    const sealed = a.seal('secret', source(1));
    expect(() => b.open(sealed, source(1))).toThrow(
      new RegExp(`sealed with key id ${a.keyId}.*key has id ${b.keyId}`),
    );
    const parts = sealed.split('.');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => a.open(parts.join('.'), source(1))).toThrow(/cannot be decrypted/);
  });

  it('still opens values of the first format, which name no key and no record', () => {
    const legacy = sealFirstFormat('a'.repeat(40), 'secret');
    expect(SecretBox.fromPassphrase('a'.repeat(40)).open(legacy, source(7))).toBe('secret');
    expect(() => SecretBox.fromPassphrase('b'.repeat(40)).open(legacy, source(7))).toThrow(
      /cannot be decrypted/,
    );
  });

  it('creates a key file readable by its owner only, and keeps using it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-key-'));
    const sealed = SecretBox.fromKeyFile(dir).seal('value', source(1));
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(SecretBox.fromKeyFile(dir).open(sealed, source(1))).toBe('value');
  });

  it('refuses a key file others can read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-key-'));
    writeFileSync(join(dir, 'secret.key'), Buffer.alloc(32).toString('base64'), { mode: 0o644 });
    expect(() => SecretBox.fromKeyFile(dir)).toThrow(/chmod 600/);
  });
});
