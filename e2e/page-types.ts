// Every page type of the site, by the role that sees it, named for reports and screenshot
// files. e2e/visual.spec.ts walks them all, so a new page type added here gets every check
// that walk makes (layout at four widths, focus styles, axe, the content security policy).
import { devices, type Page, type Response } from '@playwright/test';

export type Role = 'visitor' | 'member' | 'coach' | 'admin';

export const DEMO_ACCOUNTS: Record<Exclude<Role, 'visitor'>, { email: string; password: string }> = {
  member: { email: 'member@steadyspine.example', password: 'demo-member-pass' },
  coach: { email: 'maya@steadyspine.example', password: 'demo-coach-pass' },
  admin: { email: 'admin@steadyspine.example', password: 'demo-admin-pass' },
};

/** The phone (members mostly come on one) and the desktop the pages are looked at on. */
export const VIEWPORTS = {
  phone: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 } },
  desktop: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
};

/** A path, or the first link matching `link` on the page at `from` (for ids made by the seed). */
export type PageTarget = string | { from: string; link: RegExp };

const PUBLIC_PAGES = {
  home: '/',
  articles: '/articles',
  article: '/articles/understanding-your-mri-report',
  podcast: '/podcast',
  episode: '/podcast/morning-stiffness-explained',
  programme: '/programme',
  phase: '/programme/phase-one',
  about: '/about',
  pricing: '/pricing',
  search: '/search?q=back',
  tag: '/tags/stiffness',
  'sign-in': '/sign-in',
  'sign-up': '/sign-up',
  'reset-password': '/reset-password',
  'not-found': '/no-such-page',
};

const MEMBER_PAGES = {
  dashboard: '/dashboard',
  account: '/account',
  'members-phase': '/programme/phase-two',
  session: '/programme/phase-two/single-leg-balance',
  'members-article': '/articles/building-a-resilient-core',
};

const STAFF_PAGES = {
  staff: '/staff',
  inbox: '/staff/inbox',
  'inbox-all-questions': '/staff/inbox?view=all',
  members: '/staff/members',
  newsletters: '/staff/newsletters',
};

/** The pages each role is walked through: all the public ones for a visitor, and the ones that change with who is signed in for the others. */
export const PAGE_TYPES: Record<Role, Record<string, PageTarget>> = {
  visitor: PUBLIC_PAGES,
  member: {
    home: '/', articles: '/articles', article: PUBLIC_PAGES.article, podcast: '/podcast', episode: PUBLIC_PAGES.episode, programme: '/programme',
    ...MEMBER_PAGES,
  },
  coach: { ...STAFF_PAGES, phase: PUBLIC_PAGES.phase, article: PUBLIC_PAGES.article },
  // What differs for an admin: the members page (roles, comps), a member's progress, the staff home and account.
  admin: { staff: STAFF_PAGES.staff, members: STAFF_PAGES.members, 'member-progress': { from: '/staff/members', link: /^Programme progress/ }, account: '/account', emails: '/staff/emails' },
};

/** Opens a page type: the path it ended up on, and the response that page came with. */
export async function openPageType(page: Page, target: PageTarget): Promise<{ path: string; response: Response | null }> {
  if (typeof target === 'string') return { path: target, response: await page.goto(target) };
  await page.goto(target.from);
  const href = await page.getByRole('link', { name: target.link }).first().getAttribute('href');
  if (!href) throw new Error(`No link ${target.link} on ${target.from}`);
  return { path: href, response: await page.goto(href) };
}
