import 'server-only';
import { z } from 'zod';
import { getDb } from '@/lib/db';

export const memberSearchSchema = z.object({
  q: z.string().trim().max(200).catch(''),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});

export const MEMBERS_PER_PAGE = 25;

export async function searchMembers({ q, page }: z.infer<typeof memberSearchSchema>) {
  const where = q ? { OR: [{ email: { contains: q, mode: 'insensitive' as const } }, { name: { contains: q, mode: 'insensitive' as const } }] } : {};
  const db = getDb();
  const [total, members] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: { createdAt: 'desc' },
      skip: (page - 1) * MEMBERS_PER_PAGE,
      take: MEMBERS_PER_PAGE,
      select: {
        id: true, email: true, name: true, role: true, createdAt: true, emailVerified: true,
        subscriptions: { select: { id: true, status: true, priceId: true, interval: true, currentPeriodEnd: true, cancelAtPeriodEnd: true, endedAt: true, trialEnd: true } },
        compGrants: { where: { revokedAt: null }, select: { id: true, endsAt: true, revokedAt: true, createdAt: true } },
      },
    }),
  ]);
  return { total, members, page, pageCount: Math.max(1, Math.ceil(total / MEMBERS_PER_PAGE)) };
}
