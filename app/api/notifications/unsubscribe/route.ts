// POST /api/notifications/unsubscribe?token=…[&category=…] – the List-Unsubscribe-Post
// target of every comment notification and categorised lifecycle email (RFC 8058). With a
// category, only that lifecycle category is turned off (lib/lifecycle/unsubscribe.ts).
// A browser opening it gets the page with a button.
// No Origin check: mail providers POST from their own servers (or pages), and the token
// in the URL is the authority, so a forged form gains nothing a link would not.
import { redirect } from 'next/navigation';
import { handleOneClickUnsubscribe } from '@/lib/comments/notifications';
import { handleLifecycleOneClick } from '@/lib/lifecycle/unsubscribe';

export async function POST(request: Request) {
  return new URL(request.url).searchParams.has('category') ? handleLifecycleOneClick(request) : handleOneClickUnsubscribe(request);
}

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const token = params.get('token') ?? '';
  const category = params.get('category');
  const query = new URLSearchParams({ token: token.slice(0, 200), ...(category !== null && { category: category.slice(0, 40) }) });
  redirect(`/notifications/unsubscribe?${query}`);
}
