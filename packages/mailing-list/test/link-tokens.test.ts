import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  confirmQuery,
  subscriberQuery,
  subscriberToken,
  verifyConfirmToken,
  verifySubscriberToken,
} from '../src/link-tokens.ts';
import { checkSubscriberFields } from '../src/subscriber-fields.ts';

const SECRET = 'test-secret';
const params = (q: string) => Object.fromEntries(new URLSearchParams(q));

describe('signed links', () => {
  it('keeps the token format of links already sent (HMAC-SHA256 of the lower-cased address, 22 characters)', () => {
    const old = createHmac('sha256', SECRET).update('ana@example.org').digest('base64url').slice(0, 22);
    expect(subscriberToken('Ana@Example.org', SECRET)).toBe(old);
    expect(params(subscriberQuery('ana@example.org', SECRET))).toEqual({ u: 'ana@example.org', t: old });
  });

  it.each([
    [
      'the right address and token',
      'ana@example.org',
      () => subscriberToken('ana@example.org', SECRET),
      true,
    ],
    ['the address in other case', 'ANA@example.org', () => subscriberToken('ana@example.org', SECRET), true],
    ['another subscriber’s token', 'ana@example.org', () => subscriberToken('bo@example.org', SECRET), false],
    [
      'a token made with another secret',
      'ana@example.org',
      () => subscriberToken('ana@example.org', 'x'),
      false,
    ],
    [
      'a token cut short',
      'ana@example.org',
      () => subscriberToken('ana@example.org', SECRET).slice(0, 21),
      false,
    ],
    ['an empty token', 'ana@example.org', () => '', false],
  ])('checks %s', (_name, email, token, ok) => {
    expect(verifySubscriberToken(email, token(), SECRET)).toBe(ok);
  });

  it('tells a forged confirmation from an expired one, and never takes a subscriber token for one', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    const q = params(confirmQuery('ana@example.org', new Date('2026-12-08T12:00:00Z'), SECRET));
    expect(verifyConfirmToken(q.u!, q.e!, q.t!, SECRET, now)).toBe('ok');
    expect(verifyConfirmToken(q.u!, q.e!, q.t!, SECRET, new Date('2026-12-08T12:00:01Z'))).toBe('expired');
    expect(verifyConfirmToken(q.u!, String(Number(q.e) + 86_400), q.t!, SECRET, now)).toBe('invalid');
    expect(verifyConfirmToken('bo@example.org', q.e!, q.t!, SECRET, now)).toBe('invalid');
    expect(verifyConfirmToken(q.u!, q.e!, subscriberToken(q.u!, SECRET), SECRET, now)).toBe('invalid');
    expect(verifyConfirmToken(q.u!, '1e12', q.t!, SECRET, now)).toBe('invalid');
  });
});

describe('subscriber fields', () => {
  it('fills the defaults and reads lists from form text', () => {
    expect(
      checkSubscriberFields({
        email: ' ana@example.org ',
        kinds: ['Air strike', 'diplomacy'],
        places: 'Aleppo; Idlib',
      }),
    ).toEqual({
      ok: true,
      subscriber: {
        email: 'ana@example.org',
        name: '',
        timezone: 'UTC',
        sendHour: 7,
        cadence: 'daily',
        filters: {
          kinds: ['airstrike', 'diplomacy'],
          countries: [],
          places: ['Aleppo', 'Idlib'],
          actors: [],
          minKilled: null,
        },
      },
    });
  });

  it('reports every problem at once, naming the field', () => {
    const r = checkSubscriberFields({
      email: 'nope',
      timezone: 'Mars/Olympus',
      sendHour: '25',
      cadence: 'hourly',
      kinds: 'airstrike, skirmishing',
      minKilled: '-1',
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.split(':')[0])).toEqual([
      'email',
      'timezone',
      'cadence',
      'sendHour',
      'kinds',
      'minKilled',
    ]);
  });
});
