/**
 * A real SMTP server on loopback (smtp-server) that parses what it accepts (mailparser) and can
 * misbehave on cue: answer a recipient with a 4xx or 5xx, or drop the connection mid-transaction.
 */
import type { Socket } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type Misbehaviour = 'ok' | 'drop' | 451 | 550;

export interface Received {
  rcpt: string[];
  mail: ParsedMail;
  raw: string;
}

export interface SmtpSink {
  url: string;
  received: Received[];
  /** RCPT TO attempts per address, including refused ones */
  attempts: Map<string, number>;
  /** called before the server answers DATA with the number this message would be; false leaves it unanswered */
  beforeAccept: (count: number) => boolean;
  close(): Promise<void>;
}

export async function startSmtpSink(
  misbehave: (address: string, attempt: number) => Misbehaviour = () => 'ok',
): Promise<SmtpSink> {
  const sockets = new Map<number, Socket>();
  const sink: SmtpSink = {
    url: '',
    received: [],
    attempts: new Map(),
    beforeAccept: () => true,
    close: async () => {},
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onRcptTo(address, session, callback) {
      const n = (sink.attempts.get(address.address) ?? 0) + 1;
      sink.attempts.set(address.address, n);
      const what = misbehave(address.address, n);
      if (what === 'drop') return void sockets.get(session.remotePort)?.destroy();
      if (what === 451)
        return callback(Object.assign(new Error('4.7.1 Try again later'), { responseCode: 451 }));
      if (what === 550)
        return callback(Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        if (!sink.beforeAccept(sink.received.length + 1)) return;
        sink.received.push({
          rcpt: session.envelope.rcptTo.map((r) => r.address),
          mail: await simpleParser(raw),
          raw,
        });
        callback();
      });
    },
  });
  server.server.on('connection', (socket: Socket) => {
    if (socket.remotePort) sockets.set(socket.remotePort, socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
