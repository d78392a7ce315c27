import { TextDecoder } from 'node:util';

/**
 * Bytes → text in the encoding the resource declares: a byte-order mark first, then the
 * Content-Type charset, then the document's own declaration (`<?xml encoding=…?>`,
 * `<meta charset>`), else UTF-8. Feeds from every region still arrive in legacy encodings
 * (windows-1256, koi8-r, shift_jis…); decoding them as UTF-8 would garble every name.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const label = bomEncoding(bytes) ?? headerCharset(contentType) ?? declaredCharset(bytes) ?? 'utf-8';
  const decoder = decoderFor(label) ?? new TextDecoder('utf-8');
  // TextDecoder drops a BOM matching its own encoding.
  return decoder.decode(bytes);
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function headerCharset(contentType: string | null): string | null {
  return contentType ? (/charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1] ?? null) : null;
}

/** The declaration sits in the first bytes and is ASCII in every encoding a feed uses. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1] ?? null;
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta?.[1] ?? null;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label.toLowerCase());
  } catch {
    return null; // an encoding name nobody knows: read as UTF-8 rather than fail the feed
  }
}
