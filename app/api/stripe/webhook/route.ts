// Stripe's webhook endpoint. The signature is checked on the raw body, so the body is
// read as text and never parsed before verification. Authenticated by that signature,
// so no Origin check (Stripe's servers send none).
import { handleStripeWebhook } from '@/lib/billing/webhook';

const MAX_BODY_BYTES = 512 * 1024; // Stripe events are well under this

export async function POST(request: Request): Promise<Response> {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) return Response.json({ error: 'Payload too large' }, { status: 413 });
  const body = await request.text();
  if (body.length > MAX_BODY_BYTES) return Response.json({ error: 'Payload too large' }, { status: 413 });
  try {
    const outcome = await handleStripeWebhook(body, request.headers.get('stripe-signature'));
    return Response.json({ received: outcome.status === 200, result: outcome.result }, { status: outcome.status });
  } catch (error) {
    console.error('Stripe webhook failed; Stripe will retry:', error);
    return Response.json({ error: 'Processing failed; retry later' }, { status: 500 });
  }
}
