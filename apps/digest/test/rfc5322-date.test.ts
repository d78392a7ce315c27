import { expect, it } from 'vitest';
import { rfc5322Date } from '../src/mail/rfc5322-date.ts';

const at = new Date('2016-12-09T06:00:00Z');

it.each([
  ['UTC', 'Fri, 09 Dec 2016 06:00:00 +0000'],
  ['Europe/London', 'Fri, 09 Dec 2016 06:00:00 +0000'],
  ['Asia/Damascus', 'Fri, 09 Dec 2016 08:00:00 +0200'],
  ['America/New_York', 'Fri, 09 Dec 2016 01:00:00 -0500'],
  ['Asia/Kolkata', 'Fri, 09 Dec 2016 11:30:00 +0530'],
  ['Pacific/Kiritimati', 'Fri, 09 Dec 2016 20:00:00 +1400'],
])('dates a message in %s as "%s", the same instant', (zone, expected) => {
  expect(rfc5322Date(at, zone)).toBe(expected);
  expect(new Date(expected).getTime()).toBe(at.getTime());
});
