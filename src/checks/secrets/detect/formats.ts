// Structures some token formats carry: check digits, decodable headers.
// Check digits: GitHub's tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`)
// and npm's (`npm_`) end in six base62 characters: the CRC32 of the 30 random characters before
// them ("Behind GitHub's new authentication token formats", GitHub blog, 2021-04-05). A value
// that fails the check was not issued by the provider: a sample, a placeholder or a mistyped copy.
import { crc32 } from 'node:zlib';
import { isRecord } from '../../../util.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62(value: number, width: number): string {
  let out = '';
  let rest = value >>> 0;
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}

/** `ghp_` + 30 random + 6 check characters (also `npm_`): true when the check characters match. */
export function hasValidCrc32Suffix(token: string, prefixLength = 4): boolean {
  const body = token.slice(prefixLength);
  if (body.length !== 36) return false;
  return base62(crc32(body.slice(0, 30)), 6) === body.slice(30);
}

/** base64 or base64url text that decodes to a JSON object, or undefined. */
export function decodedJsonObject(encoded: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A JWT's header and payload are base64url JSON objects, and the header names its algorithm or type. */
export function isStructuredJwt(token: string): boolean {
  const [header, payload] = token.split('.');
  const decoded = header === undefined ? undefined : decodedJsonObject(header);
  return (
    decoded !== undefined && ('alg' in decoded || 'typ' in decoded || 'kid' in decoded) && decodedJsonObject(payload ?? '') !== undefined
  );
}
