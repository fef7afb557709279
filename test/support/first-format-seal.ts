import { createCipheriv, createHash, randomBytes } from 'node:crypto';

/** A value in the first stored format (`v1.<iv>.<tag>.<body>`: no key id, no record), as earlier Rosters sealed it. */
export function sealFirstFormat(passphrase: string, plaintext: string): string {
  const key = createHash('sha256').update(passphrase, 'utf8').digest();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', ...[iv, cipher.getAuthTag(), body].map((p) => p.toString('base64url'))].join('.');
}
