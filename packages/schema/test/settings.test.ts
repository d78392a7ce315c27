import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/errors.ts';
import { integerSetting, switchSetting, urlSetting } from '../src/settings.ts';

describe('settings from the environment', () => {
  it('reads a whole number in range, and the fallback when unset or blank', () => {
    expect(integerSetting({ PORT: ' 8080 ' }, 'PORT', 4000, 0, 65535)).toBe(8080);
    expect(integerSetting({}, 'PORT', 4000, 0, 65535)).toBe(4000);
    expect(integerSetting({ PORT: '' }, 'PORT', 4000, 0, 65535)).toBe(4000);
  });

  it.each(['80.5', 'eighty', '70000', '-1'])('refuses PORT=%s, naming the variable and the range', (raw) => {
    const read = () => integerSetting({ PORT: raw }, 'PORT', 4000, 0, 65535);
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(`PORT: "${raw}" is not a whole number from 0 to 65535; unset it for 4000.`);
  });

  it('reads switches as true/1 and false/0 and refuses anything else', () => {
    expect(switchSetting({ X: 'true' }, 'X', false)).toBe(true);
    expect(switchSetting({ X: '0' }, 'X', true)).toBe(false);
    expect(switchSetting({}, 'X', true)).toBe(true);
    expect(() => switchSetting({ X: 'yes' }, 'X', true)).toThrow(
      'X: "yes" is not a switch; write true or false.',
    );
  });

  it('reads a URL without its trailing slash and refuses another scheme or no URL, naming the variable', () => {
    expect(urlSetting('SITREP_PUBLIC_URL', 'https://desk.example.org/', ['https:', 'http:'])).toBe(
      'https://desk.example.org',
    );
    expect(() => urlSetting('SITREP_SMTP_URL', 'http://mail', ['smtp:', 'smtps:'])).toThrow(
      'SITREP_SMTP_URL: "http://mail" must start with smtp: or smtps://',
    );
    expect(() => urlSetting('SITREP_API_URL', 'localhost:4000/graphql x', ['http:'])).toThrow(ConfigError);
  });
});
