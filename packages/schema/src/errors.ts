/**
 * Sitrep's errors. Every error a person can cause has a stable `code` (documented in the
 * README and used as GraphQL `extensions.code`) and a message that says what to do next.
 */
export type SitrepErrorCode =
  | 'INVALID_RECORD'
  | 'BAD_INPUT'
  | 'BAD_CONFIG'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'QUERY_TOO_COMPLEX'
  | 'STORE_UNAVAILABLE'
  | 'CONFLICT';

export class SitrepError extends Error {
  readonly code: SitrepErrorCode;
  constructor(code: SitrepErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SitrepError';
    this.code = code;
  }
}

/** A record that does not match the schema; `issues` holds one line per offending path. */
export class InvalidRecordError extends SitrepError {
  readonly issues: readonly string[];
  constructor(what: string, issues: readonly string[]) {
    super('INVALID_RECORD', `${what} is not valid:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'InvalidRecordError';
    this.issues = issues;
  }
}

/** Input a program was given (a file, a CSV row, a request) that it cannot read. */
export class BadInputError extends SitrepError {
  readonly source: string;
  /** what is wrong, without the source (for a caller that names the source itself) */
  readonly reason: string;
  constructor(source: string, message: string, options?: { cause?: unknown }) {
    super('BAD_INPUT', `${source}: ${message}`, options);
    this.name = 'BadInputError';
    this.source = source;
    this.reason = message;
  }
}

/** A configuration value (environment variable or flag) that is missing or malformed. */
export class ConfigError extends SitrepError {
  constructor(setting: string, message: string) {
    super('BAD_CONFIG', `${setting}: ${message}`);
    this.name = 'ConfigError';
  }
}
