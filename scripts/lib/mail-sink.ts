// A real SMTP server for the production-mode e2e server: it accepts every message sent to
// it on loopback and writes each one, parsed, as a JSON file into `dir`, where the
// security specs read sign-in and confirmation links (e2e/security/mailbox.ts).
// smtp-server and mailparser are nodemailer's own server and parser.
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SunkEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  receivedAt: string;
}

export async function startMailSink(options: { port: number; dir: string }): Promise<{ close(): Promise<void> }> {
  fs.rmSync(options.dir, { recursive: true, force: true });
  fs.mkdirSync(options.dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    // Bounded: a test message is small.
    size: 1024 * 1024,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const email: SunkEmail = {
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            headers: Object.fromEntries([...mail.headers].map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])),
            receivedAt: new Date().toISOString(),
          };
          const file = path.join(options.dir, `${Date.now()}-${String(count++).padStart(5, '0')}.json`);
          fs.writeFileSync(`${file}.tmp`, JSON.stringify(email));
          fs.renameSync(`${file}.tmp`, file);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
