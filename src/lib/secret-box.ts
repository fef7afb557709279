import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { readOrCreateKeyFile } from './key-file.js';

/** What a sealed value belongs to; part of its authentication, so a value copied elsewhere does not open. */
export const sealedContexts = {
  sourceCredentials: (sourceId: number) => `source:${sourceId}`,
  offboardingMethodCredentials: (methodId: number) => `offboarding-method:${methodId}`,
  workflowSecrets: (workflowId: number) => `workflow:${workflowId}`,
  actionCredentials: (actionType: string) => `action-credentials:${actionType}`,
  keyCheck: 'key-check',
} as const;

export class SealedValueError extends Error {}

/**
 * Encrypts secrets at rest with AES-256-GCM. The stored form is `v2.<key id>.<iv>.<tag>.<ciphertext>`
 * (base64url). The key id names the key without revealing it, so a value sealed under another key is
 * told apart at once; the additional authenticated data binds the value to its key id and its context (the
 * record it belongs to). Values of the first format (`v1.<iv>.<tag>.<ciphertext>`, no key id, no context)
 * still open; `roster secrets rotate` re-seals them. The key never leaves the process.
 */
export class SecretBox {
  readonly keyId: string;

  private constructor(private readonly key: Buffer) {
    this.keyId = createHash('sha256').update('roster key id\0').update(key).digest('hex').slice(0, 16);
  }

  static fromKey(key: Buffer): SecretBox {
    if (key.length !== 32) throw new Error('A secret key is 256 bits');
    return new SecretBox(Buffer.from(key));
  }

  /** From ROSTER_SECRET_KEY (any string of 32+ characters, hashed to 256 bits). */
  static fromPassphrase(secret: string): SecretBox {
    return new SecretBox(createHash('sha256').update(secret, 'utf8').digest());
  }

  /**
   * Without ROSTER_SECRET_KEY, an embedded install keeps a generated key in the data directory (mode 0600).
   * Opening Roster picks between the two and checks the key against the database (`modules/secrets/open-secrets.ts`).
   */
  static fromKeyFile(dataDir: string): SecretBox {
    return new SecretBox(readOrCreateKeyFile(dataDir));
  }

  /** The key id a sealed value names; null for the first format, which names none. */
  static keyIdOf(sealed: string): string | null {
    const [version, keyId] = sealed.split('.');
    return version === 'v2' && keyId ? keyId : null;
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(this.aad(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v2', this.keyId, ...[iv, cipher.getAuthTag(), body].map((p) => p.toString('base64url'))].join(
      '.',
    );
  }

  open(sealed: string, context: string): string {
    const parts = sealed.split('.');
    if (parts[0] === 'v1' && parts.length === 4) return this.decrypt(parts[1]!, parts[2]!, parts[3]!, null);
    if (parts[0] !== 'v2' || parts.length !== 5) throw new SealedValueError('Unrecognised encrypted value');
    const [, keyId, iv, tag, body] = parts as [string, string, string, string, string];
    if (keyId !== this.keyId) {
      throw new SealedValueError(
        `Stored credentials cannot be decrypted: they were sealed with key id ${keyId}, and this Roster's key has id ${this.keyId}`,
      );
    }
    return this.decrypt(iv, tag, body, this.aad(context));
  }

  private aad(context: string): Buffer {
    return Buffer.from(`roster:v2:${this.keyId}:${context}`, 'utf8');
  }

  private decrypt(iv: string, tag: string, body: string, aad: Buffer | null): string {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      if (aad) decipher.setAAD(aad);
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new SealedValueError(
        aad
          ? 'Stored credentials cannot be decrypted: the value was altered or belongs to another record'
          : 'Stored credentials cannot be decrypted: the secret key changed or the value was altered',
      );
    }
  }
}
