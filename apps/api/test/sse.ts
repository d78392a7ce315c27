/**
 * Reads a GraphQL-over-SSE response (distinct connections mode) and hands each `next` payload
 * to the caller until it has as many as it wants.
 */
export async function readEvents(
  response: Response,
  wanted: number,
  onOpen?: () => void,
): Promise<unknown[]> {
  if (!response.body) throw new Error('no body');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const payloads: unknown[] = [];
  let buffer = '';
  onOpen?.();
  while (payloads.length < wanted) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(message)?.[1];
      const data = /^data: (.*)$/m.exec(message)?.[1];
      if (event === 'next' && data) payloads.push(JSON.parse(data));
      end = buffer.indexOf('\n\n');
    }
  }
  await reader.cancel();
  return payloads;
}

export const SUBSCRIBE_HEADERS = { 'content-type': 'application/json', accept: 'text/event-stream' };
