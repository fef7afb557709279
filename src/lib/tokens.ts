import { createHash, randomBytes } from 'node:crypto';

/** Random bearer secrets (API tokens, session ids, one-time links). 256 bits, so a fast hash suffices at rest. */
export function newSecretToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
