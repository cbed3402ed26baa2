// A real SMTP server (nodemailer's smtp-server) in its own process, for delivery tests:
// listens on an ephemeral loopback port, tells the parent the port over IPC, and appends
// one line per recipient of each accepted message to the file named by argv[2]:
// "<address>\t<Message-ID>". Stops on SIGTERM or when the parent goes away.
import fs from 'node:fs';
import { SMTPServer } from 'smtp-server';

const file = process.argv[2];
fs.writeFileSync(file, '');

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  size: 1024 * 1024,
  maxClients: 100,
  // No DNS here: a reverse lookup per connection would only wait for its timeout.
  disableReverseLookup: true,
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const head = Buffer.concat(chunks).toString('utf8').split(/\r?\n\r?\n/, 1)[0];
      const messageId = /^Message-ID:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? '';
      const lines = session.envelope.rcptTo.map((r) => `${r.address.toLowerCase()}\t${messageId}\n`).join('');
      fs.appendFileSync(file, lines);
      callback();
    });
  },
});

// Replies go out at once: with Nagle's algorithm each command waited for a delayed ACK (~40 ms).
server.server.on('connection', (socket) => socket.setNoDelay(true));
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.server.address().port }));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('disconnect', stop);
