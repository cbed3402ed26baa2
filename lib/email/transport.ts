// SMTP through nodemailer. The rest of lib/email sees only MailTransport, so tests can
// hand in a fake that records messages or fails on purpose.
import 'server-only';
import net from 'node:net';
import nodemailer from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import { env } from '@/lib/env';

const CONNECT_TIMEOUT_MS = 15_000;

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

export interface MailTransport {
  sendMail(message: MailMessage): Promise<unknown>;
  /** Closes open connections (tests, shutdown). */
  close?(): void;
}

/**
 * A transport for smtp(s)://user:pass@host:port, or null when no SMTP server is configured.
 * Pooled: up to `poolSize` connections (SMTP_POOL_SIZE) stay open and messages go over
 * them in parallel, so a newsletter's thousands of messages do not each open a connection.
 */
export function createSmtpTransport(
  url: string | undefined = env.SMTP_URL,
  from: string = env.EMAIL_FROM,
  { poolSize = env.SMTP_POOL_SIZE }: { poolSize?: number } = {},
): MailTransport | null {
  if (!url) return null;
  // The pool is built here, not from `{ url, ... }`: createTransport would keep only what
  // the URL says and drop the other options.
  const pool = new SMTPPool({
    url,
    pool: true,
    maxConnections: poolSize,
    // nodemailer waits up to 2 minutes to connect and 10 minutes on a silent socket by
    // default; a delivery run must finish well inside its lease (send-email.ts).
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: 15_000,
    socketTimeout: 45_000,
  });
  pool.getSocket = (options, callback) => connectWithoutDelay(options.host ?? '127.0.0.1', Number(options.port ?? 25), callback);
  const transporter = nodemailer.createTransport(pool, { from });
  return {
    sendMail: (message) => transporter.sendMail(message),
    close: () => transporter.close(),
  };
}

/**
 * The plain TCP connection, with Nagle's algorithm off (nodemailer leaves it on): SMTP is
 * short commands and replies, and the message's last line otherwise waits for the
 * server's delayed ACK, about 40 ms a message. For smtps:// nodemailer adds TLS on top.
 */
function connectWithoutDelay(host: string, port: number, callback: (error: Error | null, socket?: { connection: net.Socket }) => void): void {
  const socket = net.connect({ host, port, noDelay: true });
  const timer = setTimeout(() => socket.destroy(new Error(`No connection to the mail server within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
  const fail = (error: Error) => {
    clearTimeout(timer);
    callback(error);
  };
  socket.once('error', fail);
  socket.once('connect', () => {
    clearTimeout(timer);
    socket.off('error', fail);
    callback(null, { connection: socket });
  });
}

const globalKey = Symbol.for('steady-spine.mail-transport');
type GlobalWithTransport = typeof globalThis & { [globalKey]?: MailTransport | null };

/** This process's transport from SMTP_URL (created once), or null: mail then stays in the outbox. */
export function getMailTransport(): MailTransport | null {
  const store = globalThis as GlobalWithTransport;
  if (store[globalKey] === undefined) store[globalKey] = createSmtpTransport();
  return store[globalKey];
}
