// A MailTransport for tests: records what it sends, fails while `failing` is set, and
// can be slow, to let delivery runs overlap.
import type { MailMessage, MailTransport } from '@/lib/email/transport';

export function fakeTransport(options: { failing?: boolean; delayMs?: number } = {}) {
  const sent: MailMessage[] = [];
  const state = { failing: options.failing ?? false, calls: 0 };
  const transport: MailTransport = {
    async sendMail(message) {
      state.calls++;
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (state.failing) throw new Error('421 Service not available, closing transmission channel');
      sent.push(message);
      return { messageId: `<${sent.length}@test>` };
    },
  };
  return { transport, sent, state };
}

/** A minimal valid message for queueEmail. */
export function testMessage(to: string, n = 1) {
  return { to, template: 'test', subject: `Message ${n}`, text: `Text ${n}`, html: `<p>HTML ${n}</p>` };
}
