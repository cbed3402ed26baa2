// RFC 8058 one-click unsubscribe, for every kind of list the site mails: a mail app POSTs
// "List-Unsubscribe=One-Click" to the List-Unsubscribe URL, whose token says who. Only
// POST changes anything, so a link scanner fetching the URL unsubscribes nobody.
import 'server-only';

export async function handleOneClick(request: Request, unsubscribe: (token: string) => Promise<boolean>, done: string): Promise<Response> {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const body = (await request.text().catch(() => '')).slice(0, 200);
  const plain = (status: number, text: string) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  if (!new URLSearchParams(body).has('List-Unsubscribe')) return plain(400, 'Expected a one-click unsubscribe (List-Unsubscribe=One-Click).');
  if (!(await unsubscribe(token))) return plain(404, 'This unsubscribe link is not valid.');
  return plain(200, done);
}
