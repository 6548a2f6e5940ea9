/**
 * Discord's request signature: Ed25519 over `X-Signature-Timestamp` + the raw
 * body, checked with the application's public key, using node:crypto alone.
 * Discord's own library does not check the timestamp; this refuses one more
 * than {@link MAX_CLOCK_SKEW_SECONDS} away from now, so a captured request
 * cannot be replayed later.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** How far a request's timestamp may be from this machine's clock, either way. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A key object for the 64-hex-digit public key from the Developer Portal. */
export function publicKeyFromHex(hex: string): KeyObject {
  const raw = Buffer.from(hex, 'hex');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes (64 hex digits)');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** Why a request was refused, for the log (the client gets a bare 401). */
export type SignatureProblem = 'missing-signature' | 'bad-timestamp' | 'stale-timestamp' | 'bad-signature';

/**
 * Checks one request: null when Discord signed it within the allowed skew,
 * else what is wrong. `nowMs` is this machine's clock.
 */
export function checkSignature(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs: number = Date.now(),
): SignatureProblem | null {
  if (!signatureHex || !timestamp) return 'missing-signature';
  if (!/^\d{1,12}$/.test(timestamp)) return 'bad-timestamp';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return 'stale-timestamp';
  if (!/^[0-9a-fA-F]{128}$/.test(signatureHex)) return 'bad-signature';
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  return verify(null, signed, key, Buffer.from(signatureHex, 'hex')) ? null : 'bad-signature';
}
