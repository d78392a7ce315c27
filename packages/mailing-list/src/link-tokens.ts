/**
 * The signed links of the mailing list. Two kinds, with keys that cannot stand in for each
 * other (each HMAC input starts with what it is for):
 *
 * - the subscriber token of every digest's unsubscribe and preferences links: HMAC of the
 *   lower-cased address, no expiry — an unsubscribe link in a year-old email must still work
 *   (RFC 8058 asks that one-click keeps working; Gmail checks it long after delivery). The
 *   format is the one the digest has always written, so links already sent stay valid.
 * - the confirmation token of a sign-up: HMAC of the address and an expiry time, refused after it.
 *
 * Both bind the address, so a token from one subscriber's email never works for another's
 * address; without the secret none can be made. Comparison is in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const mac = (input: string, secret: string) =>
  createHmac('sha256', secret).update(input).digest('base64url').slice(0, 22);

/** The token of `u=` links: `t=` in `/unsubscribe?u=…&t=…` and `/preferences?u=…&t=…`. */
export const subscriberToken = (email: string, secret: string) => mac(email.toLowerCase(), secret);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function verifySubscriberToken(email: string, token: string, secret: string): boolean {
  return same(subscriberToken(email, secret), token);
}

/** `u` and `t` query parameters for a subscriber's links. */
export function subscriberQuery(email: string, secret: string): string {
  return `u=${encodeURIComponent(email)}&t=${subscriberToken(email, secret)}`;
}

/** `/confirm?u=…&e=…&t=…`: `e` is the expiry in seconds since 1970. */
export function confirmQuery(email: string, expiresAt: Date, secret: string): string {
  const e = Math.floor(expiresAt.getTime() / 1000);
  return `u=${encodeURIComponent(email)}&e=${e}&t=${mac(`confirm\n${email.toLowerCase()}\n${e}`, secret)}`;
}

export type ConfirmCheck = 'ok' | 'expired' | 'invalid';

/** Forged or altered (address, expiry or token) is `invalid`; genuine but late is `expired`. */
export function verifyConfirmToken(
  email: string,
  expires: string,
  token: string,
  secret: string,
  now: Date,
): ConfirmCheck {
  if (!/^\d{1,12}$/.test(expires)) return 'invalid';
  if (!same(mac(`confirm\n${email.toLowerCase()}\n${expires}`, secret), token)) return 'invalid';
  return Number(expires) * 1000 < now.getTime() ? 'expired' : 'ok';
}
