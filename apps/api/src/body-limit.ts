import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/**
 * A request-body limit enforced in the node:http layer, before yoga sees the request; neither
 * yoga 5.20 nor node:http has one of its own.
 *
 * A request that declares its length costs one header comparison: node's parser never delivers
 * more than `content-length` bytes as a body, so a declared length cannot be exceeded. A body of
 * unknown length (chunked transfer, which GraphQL clients seldom send) is read here, counted as
 * it arrives and cut off as soon as it passes the limit; yoga then gets it already read, as
 * `req.body`, which @whatwg-node/server takes instead of the stream (as the front door does).
 */
export function limitRequestBody(limit: number, next: RequestListener): RequestListener {
  return (req, res) => {
    const declared = req.headers['content-length'];
    if (declared !== undefined) {
      if (Number(declared) > limit) return refuse(res, limit);
      return next(req, res);
    }
    if (req.headers['transfer-encoding'] === undefined) return next(req, res);
    readChunkedBody(req, res, limit, next);
  };
}

function readChunkedBody(req: IncomingMessage, res: ServerResponse, limit: number, next: RequestListener) {
  const chunks: Buffer[] = [];
  let seen = 0;
  const onData = (chunk: Buffer) => {
    seen += chunk.length;
    if (seen <= limit) return void chunks.push(chunk);
    req.off('data', onData).off('end', onEnd);
    refuse(res, limit);
    req.destroy();
  };
  const onEnd = () => {
    (req as IncomingMessage & { body?: Buffer }).body = Buffer.concat(chunks);
    next(req, res);
  };
  req.on('data', onData).on('end', onEnd);
}

function refuse(res: ServerResponse, limit: number): void {
  if (res.headersSent) return;
  const body = JSON.stringify({
    errors: [
      {
        message: `Request body is larger than ${limit} bytes; send a smaller query or raise SITREP_MAX_BODY_BYTES.`,
        extensions: { code: 'PAYLOAD_TOO_LARGE' },
      },
    ],
  });
  res.writeHead(413, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  });
  res.end(body);
}
