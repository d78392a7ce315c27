import type { ExtractedArticle } from '@sitrep/extract/extract-article';
import type { ReadItem } from '@sitrep/extract/read';
import { BadInputError, InvalidRecordError, SitrepError, type SitrepErrorCode } from '@sitrep/schema/errors';
import type { IngestItem } from '../ingest.ts';

/** Main thread → worker: one article as read, numbered in input order. */
export interface ExtractRequest {
  seq: number;
  item: ReadItem;
}

/** Worker → main thread: what became of article `seq`. */
export interface ExtractResult {
  seq: number;
  item: WireItem;
}

/**
 * An IngestItem as it crosses between threads. A thread's messages are structured clones, which
 * keep an Error's message but not its class or its own fields (`code`, `source`, `issues`), so a
 * failure travels as plain fields and becomes the same error class again on arrival: the API
 * answers a refused article with its BadInputError or InvalidRecordError.
 */
export type WireItem =
  | { ok: true; record: ExtractedArticle; validated?: boolean; warnings?: string[] }
  | {
      ok: false;
      error: {
        code: SitrepErrorCode;
        message: string;
        source?: string;
        reason?: string;
        issues?: readonly string[];
      };
    };

export function toWire(item: IngestItem): WireItem {
  if (item.ok) return item;
  const { error } = item;
  return {
    ok: false,
    error: {
      code: error.code,
      message: error.message,
      ...(error instanceof BadInputError ? { source: error.source, reason: error.reason } : {}),
      ...(error instanceof InvalidRecordError ? { issues: error.issues } : {}),
    },
  };
}

export function fromWire(item: WireItem): IngestItem {
  if (item.ok) return item;
  const { code, message, source, reason, issues } = item.error;
  if (source !== undefined && reason !== undefined)
    return { ok: false, error: new BadInputError(source, reason) };
  if (issues) {
    const error = new InvalidRecordError('record', issues);
    // the message as the worker made it, naming the article
    error.message = message;
    return { ok: false, error };
  }
  return { ok: false, error: new SitrepError(code, message) };
}
