import { randomBytes } from 'node:crypto';

/** Time-ordered, URL-safe id (no '.', so it can sit inside a QR payload). */
export function newId(prefix = ''): string {
  return `${prefix}${Date.now().toString(36).padStart(9, '0')}${randomBytes(6).toString('hex')}`;
}
