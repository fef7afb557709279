import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Encrypts source credentials at rest with AES-256-GCM. The stored form is
 * `v1.<iv>.<tag>.<ciphertext>` (base64url); the key never leaves the process.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  /** From ROSTER_SECRET_KEY (any string of 32+ characters, hashed to 256 bits). */
  static fromPassphrase(secret: string): SecretBox {
    return new SecretBox(createHash('sha256').update(secret, 'utf8').digest());
  }

  /** Without ROSTER_SECRET_KEY, an embedded install keeps a generated key in the data directory (mode 0600). */
  static fromKeyFile(dataDir: string): SecretBox {
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, 'secret.key');
    if (!existsSync(path)) {
      writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    const mode = statSync(path).mode & 0o777;
    if (mode & 0o077) throw new Error(`${path} must be readable by its owner only (chmod 600 ${path})`);
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${path} does not hold a 256-bit key`);
    return new SecretBox(key);
  }

  static fromConfig(config: { secretKey: string | undefined; dataDir: string }): SecretBox {
    return config.secretKey
      ? SecretBox.fromPassphrase(config.secretKey)
      : SecretBox.fromKeyFile(config.dataDir);
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined)
      throw new Error('Unrecognised encrypted value');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new Error(
        'Stored credentials cannot be decrypted: the secret key changed or the value was altered',
      );
    }
  }
}
