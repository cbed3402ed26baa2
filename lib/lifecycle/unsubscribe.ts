// One-click unsubscribe (RFC 8058) from one lifecycle category: the List-Unsubscribe-Post
// of every categorised lifecycle email, ?token=…&category=…, handled beside the comment
// emails' (app/api/notifications/unsubscribe). Only that category is turned off.
import 'server-only';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { handleOneClick } from '@/lib/email/one-click-unsubscribe';
import { LIFECYCLE_INFO, lifecycleCategorySchema } from './kinds';
import { muteLifecycleByToken } from './settings';

export const lifecycleUnsubscribeSchema = z.object({ token: z.string().max(200), category: lifecycleCategorySchema });

/**
 * A bad category and a token that matches nobody get the same answer, and a bad category
 * is refused before the database is asked: the reply says nothing about who has a link.
 */
export async function handleLifecycleOneClick(request: Request, options: { db?: PrismaClient } = {}): Promise<Response> {
  const category = lifecycleCategorySchema.safeParse(new URL(request.url).searchParams.get('category') ?? '');
  const about = category.success ? LIFECYCLE_INFO[category.data].about : '';
  return handleOneClick(
    request,
    async (token) => {
      const parsed = lifecycleUnsubscribeSchema.safeParse({ token, category: category.data });
      return parsed.success && muteLifecycleByToken(parsed.data.token, parsed.data.category, options.db ?? getDb());
    },
    `Unsubscribed from emails about ${about}.`,
    options,
  );
}
