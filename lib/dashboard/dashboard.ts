// Everything the staff dashboard shows, in a fixed number of statements whatever the
// number of members (each aggregated in SQL; lists LIMITed). Money (MRR, churn) is loaded
// only for admins: a coach's page never receives it, so it cannot leak into their HTML.
import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import type { RoleName } from '@/lib/auth/roles';
import { loadPlansForPage } from '@/lib/billing/plans';
import { getDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/generated/client';
import { phaseDefinitions } from '@/lib/programme/store';
import type { PhaseDefinition } from '@/lib/programme/progress';
import { loadMemberList, PAGE_LIMIT, type MemberFilter, type MemberRow } from './member-list';
import { loadMemberCounts, loadMembershipHistory, type MonthPoint, type PhaseCount, type PriceAmount, type StatusCounts } from './membership';
import { LIST_LIMIT, loadGoneQuiet, loadPainEffortTrend, loadSessionsPerWeek, type PhaseTrendPoint, type QuietMember, type WeekPoint } from './programme';
import { chartStart, loadRunsAndStuck, type StuckMember } from './training';
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
  /** Everyone the readiness rule says is ready and still on their phase; the first LIST_LIMIT listed. */
  stuck: { total: number; members: StuckMember[] };
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
  const from = chartStart(now);
  const [{ byStatus: counts, perPhase }, history, sessionWeeks, { runsByWeek, stuck }, quiet, trend, questions] = await Promise.all([
    loadMemberCounts(db, now),
    loadMembershipHistory(db, now, prices.prices),
    loadSessionsPerWeek(db, from, now),
    loadRunsAndStuck(db, now, from, phases),
    loadGoneQuiet(db, now),
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
    weeks: sessionWeeks.map((w) => ({ ...w, runs: runsByWeek.get(w.week.getTime()) ?? 0 })),
    quiet,
    stuck: { total: stuck.length, members: stuck.slice(0, LIST_LIMIT) },
    trend,
    questions,
  };
}

/**
 * The figures (everything but the filtered member list) are kept for a minute, one copy
 * for admins and one for coaches, in Next's cache ('use cache': shared by every instance
 * through the cache handler, Redis in production): they aggregate the whole business
 * (about half a second of database work at 10,000 members) and nothing in them needs
 * to be fresher. A stale copy is served while a fresh one is computed.
 */
async function sharedFigures(isAdmin: boolean): Promise<Figures> {
  'use cache';
  cacheLife({ stale: 60, revalidate: 60, expire: 3_600 });
  cacheTag(DASHBOARD_CACHE_TAG);
  const prices = isAdmin ? await currentPrices() : NO_PRICES;
  return loadFigures(getDb(), new Date(), phaseDefinitions(), isAdmin, prices);
}

export const DASHBOARD_CACHE_TAG = 'staff-dashboard';
const NO_PRICES: PriceList = { currency: 'gbp', prices: [], unavailable: true };

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
  const live = options.now !== undefined || options.db !== undefined;
  const now = options.now ?? new Date();
  const load = async () => loadFigures(db, now, phases, isAdmin, isAdmin ? (options.prices ?? (await currentPrices())) : NO_PRICES);
  const [figures, list] = await Promise.all([live ? load() : sharedFigures(isAdmin), loadMemberList(db, now, options.filter, PAGE_LIMIT)]);
  return { ...figures, list: { ...list, filter: options.filter } };
}
