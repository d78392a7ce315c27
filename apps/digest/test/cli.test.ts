import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-digest-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const code = await main(args);
    return { code, out: [...log.mock.calls, ...error.mock.calls].map((c) => c.join(' ')).join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('sitrep digest', () => {
  it('writes the .html, .txt and .eml of one day', async () => {
    const out = join(dir, 'one');
    const { code } = await run(['--fixtures', '--date', '2016-12-09', '--out', out]);
    expect(code).toBe(0);
    for (const ext of ['html', 'txt', 'eml']) expect(existsSync(join(out, `2016-12-09.${ext}`))).toBe(true);
    expect(readFileSync(join(out, '2016-12-09.txt'), 'utf8')).toContain('White Helmets, via Reuters');
  });

  it('writes every day that has events and an archive linking them with --all', async () => {
    const out = join(dir, 'all');
    expect((await run(['--fixtures', '--all', '--out', out])).code).toBe(0);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index.match(/href="(\d{4}-\d{2}-\d{2})\.html"/g)).toEqual([
      'href="2016-12-09.html"',
      'href="2016-10-13.html"',
    ]);
    expect(existsSync(join(out, '2016-10-13.eml'))).toBe(true);
  });

  it('writes nothing for a day with nothing new, unless forced', async () => {
    const out = join(dir, 'empty');
    const quiet = await run(['--fixtures', '--date', '2016-12-01', '--out', out]);
    expect(quiet).toMatchObject({ code: 0 });
    expect(quiet.out).toContain(
      '2016-12-01: no email — nothing new on this day (use --force to write it anyway)',
    );
    expect(existsSync(join(out, '2016-12-01.html'))).toBe(false);
    expect((await run(['--fixtures', '--date', '2016-12-01', '--out', out, '--force'])).code).toBe(0);
    expect(readFileSync(join(out, '2016-12-01.txt'), 'utf8')).toContain('Nothing new was reported');
  });

  it.each([
    [['--date', '9-12-2016'], 2, /--date: "9-12-2016" is not a date; use YYYY-MM-DD/],
    [
      ['--date', '2016-13-45'],
      2,
      /sitrep digest: --date: "2016-13-45" is not a day of the calendar; use YYYY-MM-DD/,
    ],
    [
      ['--date', '2016-02-30'],
      2,
      /sitrep digest: --date: "2016-02-30" is not a day of the calendar; use YYYY-MM-DD/,
    ],
    [[], 2, /give --date YYYY-MM-DD or --all/],
    [['send'], 2, /sitrep digest send: give --date YYYY-MM-DD/],
    [['bogus'], 2, /unknown subcommand "bogus"/],
    [['--dat', '2016-12-09'], 2, /Unknown option '--dat'/],
  ])('refuses %j with exit code %i and says what to do', async (args, code, message) => {
    const r = await run(args);
    expect(r.code).toBe(code);
    expect(r.out).toMatch(message);
  });
});

it('reports a missing subscriber file as a failed run, not a usage error', async () => {
  const log = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const code = await main([
      'send',
      '--fixtures',
      '--date',
      '2016-12-09',
      '--smtp',
      'smtp://127.0.0.1:9',
      '--subscribers',
      join(dir, 'none.csv'),
    ]);
    expect(code).toBe(1);
    expect(log.mock.calls.flat().join('\n')).toMatch(
      /none\.csv: cannot read the subscriber file \(ENOENT\) \[BAD_INPUT\]/,
    );
  } finally {
    log.mockRestore();
  }
});
