/** Random local secrets, written once (mode 0600) and read back at every start, so tokens survive restarts. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface LocalSecrets {
  readonly jwtSecret: string;
  readonly qrSecret: string;
}

export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function loadOrCreateSecrets(file: string): LocalSecrets {
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
    if (saved.jwtSecret && saved.jwtSecret.length >= 32 && saved.qrSecret && saved.qrSecret.length >= 32) {
      return { jwtSecret: saved.jwtSecret, qrSecret: saved.qrSecret };
    }
  }
  const secrets = { jwtSecret: randomSecret(), qrSecret: randomSecret() };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}
