// The classroom's secrets and ids, all from node:crypto: join codes students type, the instructor's secret
// and the students' seat tokens (bearer secrets: only their SHA-256 hashes are stored), and record ids.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../content/classroom-schema';

/** A join code: JOIN_CODE_LENGTH characters from the look-alike-free alphabet. */
export function newJoinCode(): string {
  let code = '';
  for (let k = 0; k < JOIN_CODE_LENGTH; k++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** A bearer secret (instructor secret, seat token): 32 random bytes, base64url. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** A record id; base64url only, so it fits Colyseus room ids (letters, digits, '-' and '_'). */
export const newId = (): string => randomBytes(9).toString('base64url');

export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** Whether `secret` hashes to `hash`, compared in constant time. */
export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
