import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys look like `svk_<id>_<secret>`. The id is public: it names the key in
 * lists, audit entries and revocations, and finds its node. The secret is 32
 * random bytes in base64url (43 characters) and is shown once, at creation.
 * The prefix lets secret scanners and people recognise a Samverkan key.
 */
export const API_KEY_PREFIX = 'svk_';
const ID_LENGTH = 12;
const SECRET_BYTES = 32;
// base32 without 0, 1, 8 and 9: lower case, no `_` (the separator), 5 bits a character, 60 bits an id.
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const KEY_PATTERN = /^svk_([a-z2-7]{12})_([A-Za-z0-9_-]{43})$/;

export interface ParsedApiKey {
  id: string;
  secret: string;
}

export interface GeneratedApiKey extends ParsedApiKey {
  /** The whole key as the client sends it: shown once, never stored. */
  key: string;
  /** What is stored instead of the secret. */
  hash: string;
}

export function generateApiKeyId(): string {
  const bytes = randomBytes(ID_LENGTH);
  let id = '';
  for (const byte of bytes) id += ID_ALPHABET[byte & 31];
  return id;
}

/**
 * SHA-256 of the secret, hex. A fast hash is right here, unlike for passwords:
 * the secret is 256 random bits, so no guessing attack (dictionary, brute force,
 * GPU) can find it from the hash, and a slow KDF (bcrypt, scrypt, Argon2) would
 * only cost every request tens of milliseconds of CPU for no added safety.
 */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function generateApiKey(): GeneratedApiKey {
  const id = generateApiKeyId();
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { id, secret, key: `${API_KEY_PREFIX}${id}_${secret}`, hash: hashApiKeySecret(secret) };
}

/** The id and secret of a presented key, or null when it is not shaped like one (no database lookup needed). */
export function parseApiKey(presented: string): ParsedApiKey | null {
  const match = KEY_PATTERN.exec(presented);
  return match ? { id: match[1], secret: match[2] } : null;
}

/** Whether `secret` hashes to `storedHash`, compared in constant time so response times leak nothing about the hash. */
export function secretMatches(secret: string, storedHash: string | null): boolean {
  if (typeof storedHash !== 'string') return false;
  const presented = Buffer.from(hashApiKeySecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}

export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(API_KEY_PREFIX);
}
