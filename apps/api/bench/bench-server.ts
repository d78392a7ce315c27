// One server for the benchmark, in its own process so it does not share a core with autocannon.
// Usage: tsx bench-server.ts <ceiling|sitrep|sitrep-cached|sitrep-yoga-only> <db file> [body file]
// `sitrep-yoga-only` is `sitrep` with the front door's uncached fast path turned off: the one
// thing that differs, so the bench can weigh what that path earns.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openStore } from '@sitrep/store/store';
import { readConfig } from '../src/config.ts';
import { startServer } from '../src/server.ts';

const [mode, dbFile, bodyFile] = process.argv.slice(2);

// The bench asks each server for its CPU time around a run (process.cpuUsage over IPC), so it
// can report CPU per request, which a shared machine's load changes far less than req/s.
process.on('message', () => {
  const { user, system } = process.cpuUsage();
  process.send?.({ cpuMicros: user + system });
});

if (mode === 'ceiling') {
  // The practical ceiling: node:http answering every POST with the same bytes Sitrep would send.
  const body = readFileSync(bodyFile!);
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'application/graphql-response+json; charset=utf-8',
        'content-length': body.length,
      });
      res.end(body);
    });
  });
  server.listen(0, '127.0.0.1', () =>
    console.log(JSON.stringify({ port: (server.address() as AddressInfo).port })),
  );
} else {
  const store = await openStore({ engine: 'sqlite', file: dbFile! });
  const config = readConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    SITREP_RESPONSE_CACHE: mode === 'sitrep-cached' ? 'true' : 'false',
  });
  const server = await startServer(config, { store, fastPath: mode !== 'sitrep-yoga-only' });
  console.log(JSON.stringify({ port: server.port }));
}
