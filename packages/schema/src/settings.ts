import { ConfigError } from './errors.ts';

/** Environment variables as every Sitrep program reads them. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * A whole-number setting: `fallback` when unset or blank, a ConfigError naming the variable and
 * the allowed range otherwise (a typo in a limit must stop the program, not be ignored).
 */
export function integerSetting(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(
      name,
      `"${raw}" is not a whole number from ${min} to ${max}; unset it for ${fallback}.`,
    );
  return n;
}

/** An on/off setting: true/1 or false/0; `fallback` when unset or blank. */
export function switchSetting(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(name, `"${raw}" is not a switch; write true or false.`);
}

/**
 * A URL setting: `value` as given without a trailing slash, or a ConfigError naming the variable
 * when it is no URL or has another scheme than `protocols` (e.g. `['https:', 'http:']`).
 */
export function urlSetting(name: string, value: string, protocols: readonly string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, `"${value}" is not a URL; give e.g. ${protocols[0]}//host`);
  }
  if (!protocols.includes(parsed.protocol))
    throw new ConfigError(name, `"${value}" must start with ${protocols.join(' or ')}//`);
  return value.replace(/\/$/, '');
}
