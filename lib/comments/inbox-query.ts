// The coach inbox's address: which list, narrowed how, in which order, which page. Read
// leniently: a hand-edited or stale address falls back to the defaults rather than failing.
import { z } from 'zod';

export const INBOX_PAGE_SIZE = 20;
export const INBOX_VIEWS = ['awaiting', 'all', 'reports', 'hidden'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];
export const INBOX_KINDS = ['article', 'episode', 'phase'] as const;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(120);
const single = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

export const inboxQuerySchema = z.object({
  view: z.preprocess(single, z.enum(INBOX_VIEWS)).catch('awaiting'),
  kind: z.preprocess((v) => emptyToUndefined(single(v)), z.enum(INBOX_KINDS).optional()).catch(undefined),
  phase: z.preprocess((v) => emptyToUndefined(single(v)), slug.optional()).catch(undefined),
  q: z.preprocess((v) => emptyToUndefined(typeof single(v) === 'string' ? (single(v) as string).trim() : undefined), z.string().max(100).optional()).catch(undefined),
  order: z.preprocess(single, z.enum(['oldest', 'newest'])).catch('oldest'),
  page: z.preprocess(single, z.coerce.number().int().min(1).max(10_000)).catch(1),
  /** One question, as linked from a coach's email: shown open whatever the filters. */
  question: z.preprocess(single, z.string().regex(/^[\w-]{1,64}$/).optional()).catch(undefined),
});
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

/** The inbox address for a query, leaving defaults out so links stay short. */
export function inboxHref(query: Partial<InboxQuery>): string {
  const params = new URLSearchParams();
  if (query.view && query.view !== 'awaiting') params.set('view', query.view);
  if (query.phase) params.set('phase', query.phase);
  else if (query.kind) params.set('kind', query.kind);
  if (query.q) params.set('q', query.q);
  if (query.order && query.order !== 'oldest') params.set('order', query.order);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  if (query.question) params.set('question', query.question);
  const search = params.toString();
  return `/staff/inbox${search ? `?${search}` : ''}`;
}
