import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { fixtureSource } from '../src/data/day-source.ts';
import { writeDigest } from '../src/write-digests.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-digest-eml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const keyPath = join(dir, 'dkim.pem');
writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }));

/** The h= tag of a DKIM-Signature header: the signed header names, lower-cased. */
const signedHeaders = (signature: string) =>
  /\bh=([^;]+)/
    .exec(signature.replace(/\s+/g, ''))![1]!
    .split(':')
    .map((h) => h.toLowerCase());

async function writeEml(env: Record<string, string>) {
  const out = mkdtempSync(join(dir, 'out-'));
  const config = loadConfig({ SITREP_PUBLIC_URL: 'https://sitrep.example.org', ...env });
  const r = await writeDigest('2016-12-09', { source: fixtureSource(), config, out });
  expect('written' in r).toBe(true);
  return readFileSync(join(out, '2016-12-09.eml'));
}

describe('the .eml of 9 December 2016', () => {
  it('is multipart/alternative with both parts and the headers a list mail needs', async () => {
    const mail = await simpleParser(await writeEml({}));
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(mail.from?.value).toEqual([{ name: 'Sitrep', address: 'digest@sitrep.example.org' }]);
    expect(mail.subject).toBe('Sitrep 9 Dec 2016: 46 civilians killed, 230 injured in East Aleppo');
    expect(mail.messageId).toMatch(/^<digest\.2016-12-09\.[0-9a-f]{24}@sitrep\.example\.org>$/);
    expect(mail.date).toBeInstanceOf(Date);
    expect(mail.text).toContain('46 civilians killed, 230 injured — White Helmets, via Reuters');
    expect(mail.html).toContain('<html lang="en"');
  });

  it('carries one List-Unsubscribe header with the https and the mailto form, and one-click POST', async () => {
    const raw = (await writeEml({})).toString('utf8');
    const headerBlock = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(headerBlock.match(/^List-Unsubscribe:/gim)).toHaveLength(1);
    const mail = await simpleParser(raw);
    const value = mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line.replace(/\r\n\s+/g, ' ');
    expect(value).toMatch(
      /^List-Unsubscribe: <https:\/\/sitrep\.example\.org\/unsubscribe\?u=[^>]+>, <mailto:unsubscribe@sitrep\.example\.org\?subject=[^>]+>$/,
    );
    expect(mail.headerLines.filter((h) => h.key === 'list-unsubscribe-post').map((h) => h.line)).toEqual([
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    ]);
  });

  it('signs both List-Unsubscribe headers with DKIM when a key is configured', async () => {
    const mail = await simpleParser(
      await writeEml({
        SITREP_DKIM_KEY: keyPath,
        SITREP_DKIM_DOMAIN: 'sitrep.example.org',
        SITREP_DKIM_SELECTOR: 'd2016',
      }),
    );
    const signature = mail.headerLines.find((h) => h.key === 'dkim-signature')!.line;
    expect(signature).toMatch(/\bd=sitrep\.example\.org;/);
    expect(signature).toMatch(/\bs=d2016;/);
    expect(signedHeaders(signature)).toEqual(
      expect.arrayContaining([
        'from',
        'to',
        'subject',
        'date',
        'message-id',
        'list-unsubscribe',
        'list-unsubscribe-post',
      ]),
    );
  });

  it("is needed: nodemailer's default signed-header list leaves List-Unsubscribe-Post out", async () => {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const info = await transport.sendMail({
      from: 'a@sitrep.example.org',
      to: 'b@example.org',
      text: 'x',
      headers: {
        'List-Unsubscribe': '<https://x.example/u>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      dkim: { domainName: 'sitrep.example.org', keySelector: 's', privateKey: readFileSync(keyPath, 'utf8') },
    });
    const mail = await simpleParser(info.message as Buffer);
    const h = signedHeaders(mail.headerLines.find((l) => l.key === 'dkim-signature')!.line);
    expect(h).not.toContain('list-unsubscribe-post');
  });
});
