// POST /api/notifications/unsubscribe?token=… – the List-Unsubscribe-Post target of every
// comment notification (RFC 8058). A browser opening it gets the page with a button.
// No Origin check: mail providers POST from their own servers (or pages), and the token
// in the URL is the authority, so a forged form gains nothing a link would not.
import { redirect } from 'next/navigation';
import { handleOneClickUnsubscribe } from '@/lib/comments/notifications';

export async function POST(request: Request) {
  return handleOneClickUnsubscribe(request);
}

export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  redirect(`/notifications/unsubscribe?token=${encodeURIComponent(token.slice(0, 200))}`);
}
