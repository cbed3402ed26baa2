// Everything the staff dashboard shows, in a fixed number of statements whatever the
// number of members (each aggregated in SQL; lists LIMITed). Money (MRR, churn) is loaded
// only for admins: a coach's page never receives it, so it cannot leak into their HTML.
import 'server-only';
import type { RoleName } from '@/lib/auth/roles';
import { loadPlansForPage } from '@/lib/billing/plans';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { phaseDefinitions } from '@/lib/programme/store';
import type { PhaseDefinition } from '@/lib/programme/progress';
import { loadMemberList, PAGE_LIMIT, type MemberFilter, type MemberRow } from './member-list';
import { loadMemberCounts, loadMembershipHistory, type MonthPoint, type PhaseCount, type PriceAmount, type StatusCounts } from './membership';
import { loadGoneQuiet, loadPainEffortTrend, loadSessionsPerWeek, loadStuck, type PhaseTrendPoint, type QuietMember, type StuckMember, type WeekPoint } from './programme';
import { loadQuestionFigures, type QuestionFigures } from './questions';

/** Membership over 12 months without money: what coaches see. */
export type MembersMonth = Omit<MonthPoint, 'mrr' | 'churn'>;

export interface MoneyFigures {
  currency: string;
  /** Per month, smallest currency unit; the last is this month so far. */
  months: Pick<MonthPoint, 'month' | 'mrr' | 'churn'>[];
  unpricedSubscriptions: number;
  /** Prices could not be read from Stripe: MRR shows as unknown. */
  pricesUnavailable: boolean;
}

export interface Dashboard {
  /** When the figures were computed (they are cached for a minute; the member list is live). */
  now: Date;
  phases: PhaseDefinition[];
  counts: StatusCounts;
  months: MembersMonth[];
  /** null for coaches. */
  money: MoneyFigures | null;
  perPhase: PhaseCount[];
  weeks: WeekPoint[];
  quiet: { total: number; members: QuietMember[] };
  stuck: StuckMember[];
  trend: PhaseTrendPoint[];
  questions: QuestionFigures;
  list: { total: number; rows: MemberRow[]; filter: MemberFilter };
}

export interface PriceList {
  currency: string;
  prices: PriceAmount[];
  unavailable: boolean;
}

/** The plans on sale, from Stripe (cached by lib/billing/plans.ts). */
async function currentPrices(): Promise<PriceList> {
  const { plans, unavailable } = await loadPlansForPage();
  return { currency: plans[0]?.currency ?? 'gbp', prices: plans.map((p) => ({ priceId: p.priceId, amount: p.amount })), unavailable };
}

type Figures = Omit<Dashboard, 'list'>;

async function loadFigures(db: PrismaClient, now: Date, phases: PhaseDefinition[], isAdmin: boolean, prices: PriceList): Promise<Figures> {
  const [{ byStatus: counts, perPhase }, history, weeks, quiet, stuck, trend, questions] = await Promise.all([
    loadMemberCounts(db, now),
    loadMembershipHistory(db, now, prices.prices),
    loadSessionsPerWeek(db, now),
    loadGoneQuiet(db, now),
    loadStuck(db, now, phases),
    loadPainEffortTrend(db, now),
    loadQuestionFigures(db, now),
  ]);
  return {
    now,
    phases,
    counts,
    months: history.months.map(({ month, members, joined, lapsed }) => ({ month, members, joined, lapsed })),
    money: isAdmin
      ? {
          currency: prices.currency,
          months: history.months.map(({ month, mrr, churn }) => ({ month, mrr, churn })),
          unpricedSubscriptions: history.unpricedSubscriptions,
          pricesUnavailable: prices.unavailable,
        }
      : null,
    perPhase,
    weeks,
    quiet,
    stuck,
    trend,
    questions,
  };
}

/**
 * The figures (everything but the filtered member list) are kept for a minute per
 * instance, one copy for admins and one for coaches: they aggregate the whole business
 * (about half a second of database work at 10,000 members), nothing in them needs to be
 * fresher, and concurrent requests after expiry share one computation.
 */
export const FIGURES_TTL_MS = 60_000;
const figuresCache = new Map<'admin' | 'coach', { at: number; figures: Promise<Figures> }>();

function cachedFigures(isAdmin: boolean, load: (now: Date) => Promise<Figures>): Promise<Figures> {
  const key = isAdmin ? 'admin' : 'coach';
  const hit = figuresCache.get(key);
  if (hit && Date.now() - hit.at < FIGURES_TTL_MS) return hit.figures;
  const figures = load(new Date());
  figuresCache.set(key, { at: Date.now(), figures });
  figures.catch(() => figuresCache.delete(key));
  return figures;
}

/**
 * Everything the dashboard shows. Money is loaded (and cached) for admins only. With
 * `now` or `db` given (tests), nothing is cached.
 */
export async function loadDashboard(options: {
  role: RoleName;
  filter: MemberFilter;
  now?: Date;
  db?: PrismaClient;
  phases?: PhaseDefinition[];
  /** For tests; otherwise read from Stripe, and only for admins. */
  prices?: PriceList;
}): Promise<Dashboard> {
  const db = options.db ?? getDb();
  const phases = options.phases ?? phaseDefinitions();
  const isAdmin = options.role === 'ADMIN';
  const load = async (now: Date) => {
    const prices = isAdmin ? (options.prices ?? (await currentPrices())) : { currency: 'gbp', prices: [], unavailable: true };
    return loadFigures(db, now, phases, isAdmin, prices);
  };
  const live = options.now !== undefined || options.db !== undefined;
  const now = options.now ?? new Date();
  const [figures, list] = await Promise.all([live ? load(now) : cachedFigures(isAdmin, load), loadMemberList(db, now, options.filter, PAGE_LIMIT)]);
  return { ...figures, list: { ...list, filter: options.filter } };
}
