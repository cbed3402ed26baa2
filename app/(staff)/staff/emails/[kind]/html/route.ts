// GET /staff/emails/[kind]/html – the HTML version of a lifecycle email's sample, as its own
// document (admins only). Sandboxed by its CSP: no scripts, no forms, nothing loaded.
import { notFound } from 'next/navigation';
import { requireAdmin } from '@/lib/auth/guards';
import { lifecycleKindSchema } from '@/lib/lifecycle/kinds';
import { sampleLifecycleEmail } from '@/lib/lifecycle/samples';

export async function GET(_request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  await requireAdmin('/staff/emails');
  const parsed = lifecycleKindSchema.safeParse(kind);
  if (!parsed.success) notFound();
  return new Response(sampleLifecycleEmail(parsed.data).html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      'Cache-Control': 'private, no-store',
    },
  });
}
