// One-click unsubscribe (RFC 8058) from one lifecycle category: the List-Unsubscribe-Post
// of every categorised lifecycle email, ?token=…&category=…, handled beside the comment
// emails' (app/api/notifications/unsubscribe). Only that category is turned off.
import 'server-only';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { LIFECYCLE_INFO, lifecycleCategorySchema } from './kinds';
import { muteLifecycleByToken } from './settings';

export const lifecycleUnsubscribeSchema = z.object({ token: z.string().max(200), category: lifecycleCategorySchema });

const plain = (status: number, text: string) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/**
 * A bad category and a token that matches nobody get the same answer, and a bad category
 * is refused before the database is asked: the reply says nothing about who has a link.
 */
export async function handleLifecycleOneClick(request: Request, options: { db?: PrismaClient } = {}): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const body = (await request.text().catch(() => '')).slice(0, 200);
  if (!new URLSearchParams(body).has('List-Unsubscribe')) return plain(400, 'Expected a one-click unsubscribe (List-Unsubscribe=One-Click).');
  const parsed = lifecycleUnsubscribeSchema.safeParse({ token: params.get('token') ?? '', category: params.get('category') ?? '' });
  if (!parsed.success || !(await muteLifecycleByToken(parsed.data.token, parsed.data.category, options.db ?? getDb()))) {
    return plain(404, 'This unsubscribe link is not valid.');
  }
  return plain(200, `Unsubscribed from emails about ${LIFECYCLE_INFO[parsed.data.category].about}.`);
}
