import { createHash, randomBytes } from 'node:crypto';

const BASE32 = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A random id with a readable prefix: org_7kq2m9xw4r, sub_… (unguessable, URL-safe). */
export function newId(prefix: string, length = 12): string {
  const bytes = randomBytes(length);
  let s = '';
  for (const b of bytes) s += BASE32[b % BASE32.length];
  return `${prefix}_${s}`;
}

/** Every token starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'hsh_';

/** A bearer token: the prefix and 32 random bytes, base64url. Shown once, never stored. */
export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** What the store keeps instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
