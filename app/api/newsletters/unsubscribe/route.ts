// POST /api/newsletters/unsubscribe?token=… – the List-Unsubscribe-Post target of every
// newsletter (RFC 8058): turns off the newsletter only. A browser opening it gets the page
// with a button. No Origin check: mail providers POST from their own servers, and the
// token in the URL is the authority.
import { redirect } from 'next/navigation';
import { handleNewsletterOneClick } from '@/lib/newsletters/opt-in';

export async function POST(request: Request) {
  return handleNewsletterOneClick(request);
}

export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  redirect(`/newsletters/unsubscribe?token=${encodeURIComponent(token.slice(0, 200))}`);
}
