import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@sitrep/store/store';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readReportFiles, splitMailbox } from '../src/bounces/read-reports.ts';
import { main } from '../src/main.ts';

// `sitrep digest bounces`: delivery-status notifications and abuse reports, as mailbox
// providers send them, read with mailparser; what they name is suppressed in the store.

const dir = mkdtempSync(join(tmpdir(), 'sitrep-digest-bounces-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dsn = (recipients: string) => `From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
To: digest@sitrep.example.org
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

--B1
Content-Type: text/plain

Final-Recipient: rfc822; decoy@example.net  (prose in the human part is not read)
Action: failed
Status: 5.1.1

--B1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net
Arrival-Date: Sat, 10 Dec 2016 07:00:01 +0000

${recipients}
--B1
Content-Type: text/rfc822-headers

From: Sitrep <digest@sitrep.example.org>
Subject: Sitrep 9 Dec 2016

--B1--
`;

const ARF = `From: Abuse Desk <abuse@mail.example.com>
To: digest@sitrep.example.org
Subject: Complaint
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="B2"

--B2
Content-Type: text/plain

This is an email abuse report.

--B2
Content-Type: message/feedback-report

Feedback-Type: abuse
User-Agent: ExampleFBL/1.0
Version: 1

--B2
Content-Type: text/rfc822-headers

From: Sitrep <digest@sitrep.example.org>
To: Cy <Cy@Example.com>
Subject: Sitrep 9 Dec 2016

--B2--
`;

const HARD = `Final-Recipient: rfc822; gone@example.net
Original-Recipient: rfc822;Gone@Example.net
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 user unknown

Final-Recipient: rfc822; later@example.net
Action: delayed
Status: 4.2.2
`;

const SOFT = `Final-Recipient: rfc822; full@example.net
Action: failed
Status: 4.2.2
`;

describe('bounce reports', () => {
  it('reads hard bounces and complaints from an mbox, and ignores delays, soft failures and ordinary mail', async () => {
    const mbox = join(dir, 'bounces.mbox');
    const ordinary =
      'From: ana@example.org\nTo: digest@sitrep.example.org\nSubject: thanks\n\n>From the field: thanks!\n';
    writeFileSync(
      mbox,
      [dsn(HARD), dsn(SOFT), ARF, ordinary]
        .map((m) => `From MAILER-DAEMON Sat Dec 10 07:00:02 2016\n${m}\n`)
        .join(''),
    );
    expect(splitMailbox(`From x\n${ordinary}`)[0]).toContain('\nFrom the field');
    expect(await readReportFiles([mbox])).toEqual([
      { email: 'gone@example.net', reason: 'bounced', detail: 'smtp; 550 5.1.1 user unknown' },
      { email: 'cy@example.com', reason: 'complained', detail: 'abuse report from ExampleFBL/1.0' },
    ]);
  });

  it('suppresses what the reports name through `sitrep digest bounces`, one .eml at a time too', async () => {
    const db = join(dir, 'b.db');
    vi.stubEnv('SITREP_DB', db);
    vi.stubEnv('DATABASE_URL', '');
    const eml = join(dir, 'one.eml');
    writeFileSync(eml, dsn(HARD));
    const arf = join(dir, 'arf.eml');
    writeFileSync(arf, ARF);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await main(['bounces', eml, arf])).toBe(0);
      expect(log.mock.calls.flat().join('\n')).toBe(
        '1 hard-bounced, 1 complained: suppressed gone@example.net, cy@example.com',
      );
      const log2 = vi.spyOn(console, 'error').mockImplementation(() => {});
      expect(await main(['bounces', join(dir, 'missing.mbox')])).toBe(1);
      expect(log2.mock.calls.flat().join('\n')).toMatch(/missing\.mbox: cannot read the mailbox \(ENOENT\)/);
      log2.mockRestore();
    } finally {
      log.mockRestore();
    }
    const store = await openStore({ engine: 'sqlite', file: db });
    try {
      expect((await store.subscribers.suppressions()).map((s) => [s.email, s.reason])).toEqual([
        ['cy@example.com', 'complained'],
        ['gone@example.net', 'bounced'],
      ]);
    } finally {
      await store.close();
    }
  });
});
