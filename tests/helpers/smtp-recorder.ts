// Starts tests/helpers/smtp-recorder-process.mjs (a real SMTP server in a child process, so
// the test process's own load cannot slow or shape what the server sees) and reads back
// what it received.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SmtpRecorder {
  /** smtp://127.0.0.1:<port> */
  url: string;
  /** One entry per recipient of each message received so far. */
  received(): { to: string; messageId: string }[];
  stop(): Promise<void>;
}

export async function startSmtpRecorder(): Promise<SmtpRecorder> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-recorder-'));
  const file = path.join(dir, 'received.tsv');
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'smtp-recorder-process.mjs'), [file], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`The SMTP recorder exited (${code}) before listening`)));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [to, messageId] = line.split('\t');
          return { to, messageId };
        }),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
