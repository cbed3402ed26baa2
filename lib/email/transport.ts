// SMTP through nodemailer. The rest of lib/email sees only MailTransport, so tests can
// hand in a fake that records messages or fails on purpose.
import 'server-only';
import nodemailer from 'nodemailer';
import { env } from '@/lib/env';

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
}

/** A transport for smtp(s)://user:pass@host:port, or null when no SMTP server is configured. */
export function createSmtpTransport(url: string | undefined = env.SMTP_URL, from: string = env.EMAIL_FROM): MailTransport | null {
  if (!url) return null;
  const transporter = nodemailer.createTransport(
    {
      url,
      // nodemailer waits up to 2 minutes to connect and 10 minutes on a silent socket by
      // default; a delivery run must finish well inside its lease (send-email.ts).
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 45_000,
    },
    { from },
  );
  return {
    sendMail: (message) => transporter.sendMail(message),
  };
}

const globalKey = Symbol.for('steady-spine.mail-transport');
type GlobalWithTransport = typeof globalThis & { [globalKey]?: MailTransport | null };

/** This process's transport from SMTP_URL (created once), or null: mail then stays in the outbox. */
export function getMailTransport(): MailTransport | null {
  const store = globalThis as GlobalWithTransport;
  if (store[globalKey] === undefined) store[globalKey] = createSmtpTransport();
  return store[globalKey];
}
