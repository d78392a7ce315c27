/**
 * A form body, url-encoded or multipart (RFC 8058 one-click POSTs may come either way), read
 * with the platform's own parser (`Request.formData()`), at most 16 KB: these forms are small.
 */
import type { IncomingMessage } from 'node:http';

const LIMIT = 16 * 1024;

export async function readForm(req: IncomingMessage): Promise<URLSearchParams | 'too-large'> {
  // the body-limit layer may have read a chunked body already (it leaves it as `req.body`)
  const given = (req as IncomingMessage & { body?: Buffer }).body;
  let body: Buffer;
  if (given) body = given;
  else {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > LIMIT) return 'too-large';
      chunks.push(chunk as Buffer);
    }
    body = Buffer.concat(chunks);
  }
  if (body.length > LIMIT) return 'too-large';
  const type = req.headers['content-type'] ?? '';
  const out = new URLSearchParams();
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return out;
  try {
    const data = await new Request('http://form.local/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: new Uint8Array(body),
    }).formData();
    for (const [name, value] of data) if (typeof value === 'string') out.append(name, value);
  } catch {
    // an unreadable body is an empty form: the token in the URL still decides
  }
  return out;
}
