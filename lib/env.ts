// Configuration, parsed once with zod. Nothing else reads process.env directly.
import { z } from 'zod';
import { parseTrustedProxies } from '../scripts/client-address.mjs';
import { parseShutdownGrace } from '../scripts/lifecycle.mjs';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** Why Intl cannot write numbers for this locale, or null when it can. */
function unsupportedLocale(locale: string): string | null {
  try {
    // Throws on a malformed tag ("en_GB"); an unknown language comes back empty.
    if (Intl.NumberFormat.supportedLocalesOf([locale]).length === 0) return `"${locale}" is not a locale this server can format prices for (try en-GB or en-US)`;
  } catch {
    return `"${locale}" is not a BCP 47 locale tag such as en-GB (a hyphen, not an underscore)`;
  }
  return null;
}

/** A setting checked by the parser the plain-JavaScript server uses too (its message becomes the issue). */
const checkedBy = (parse: (value: string | undefined) => unknown) =>
  optionalString.superRefine((value, ctx) => {
    try {
      parse(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
    }
  });

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Unset: embedded PGlite in .data/pglite. `pglite:<dir>` / `pglite:memory`: PGlite elsewhere. `postgres://…`: a server. */
    DATABASE_URL: optionalString,
    /** Connections per app instance when DATABASE_URL points at a server. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /**
     * Public origin used for canonical URLs, feeds, sitemap, OG tags and emailed links.
     * Unset: http://localhost:<PORT>. A loopback origin is the demo (lib/demo/mode.ts).
     */
    SITE_URL: optionalString.pipe(z.string().url().optional()),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** smtp(s)://user:pass@host:port. Unset: mail stays in the outbox table (see /dev/outbox). */
    SMTP_URL: optionalString.pipe(z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional()),
    /** Sender of every email, e.g. "Steady Spine <hello@example.com>". */
    EMAIL_FROM: z.string().min(3).default('Steady Spine <hello@steadyspine.example>'),
    /** Messages per second each instance hands to SMTP at most (newsletters go out at this pace). */
    EMAIL_SEND_RATE: z.coerce.number().int().min(1).max(10_000).default(10),
    /** SMTP connections each instance keeps open and sends over in parallel (nodemailer's pool). */
    SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(2),
    /** Items published up to this many days before the newsletter job first ran still get a draft. */
    NEWSLETTER_LOOKBACK_DAYS: z.coerce.number().int().min(0).max(36_500).default(7),
    /**
     * What a member is told at once when they write about a red-flag symptom
     * (lib/triage/red-flags.ts). The default is the NHS's advice in England; a practice
     * elsewhere sets its own emergency numbers.
     */
    URGENT_CARE_MESSAGE: z
      .string()
      .min(20)
      .max(600)
      .default(
        'What you describe can be a sign of a serious problem with the nerves in your back that needs a doctor today. Please stop the exercises and get urgent medical help now: call NHS 111, or call 999 or go to A&E if you cannot pass urine, cannot control your bladder or bowels, or have numbness between your legs or around your bottom. A coach has been told, but do not wait for our answer.',
      ),
    /** Show /dev/outbox to everyone (demo only: refused on a non-loopback SITE_URL). Admins always see it. */
    DEV_OUTBOX_PUBLIC: z
      .enum(['true', 'false', '1', '0'])
      .optional()
      .transform((v) => v === 'true' || v === '1'),
    /** Secret for signing session tokens (Auth.js). Required on a non-loopback SITE_URL (lib/demo/startup-check.ts). */
    AUTH_SECRET: optionalString,
    /**
     * Key of members' private podcast feed addresses. Unset: AUTH_SECRET. Set it to keep
     * every member's feed address when rotating AUTH_SECRET (changing it changes them all).
     */
    PODCAST_FEED_SECRET: optionalString,
    AUTH_GOOGLE_ID: optionalString,
    AUTH_GOOGLE_SECRET: optionalString,
    AUTH_GITHUB_ID: optionalString,
    AUTH_GITHUB_SECRET: optionalString,
    /** Stripe secret key (sk_live_… or sk_test_…). Unset: no online sign-up (npm start runs the local emulator). */
    STRIPE_SECRET_KEY: optionalString,
    /** Signing secret of the webhook endpoint (whsec_…), from the dashboard or `stripe listen`. */
    STRIPE_WEBHOOK_SECRET: optionalString,
    /** Base URL of a Stripe-compatible API: the local emulator (demo only). Unset: api.stripe.com. */
    STRIPE_API_URL: optionalString.pipe(z.string().url().optional()),
    /** Price ids of the two plans. Unset: the prices with lookup keys membership_monthly / membership_annual. */
    STRIPE_PRICE_MONTHLY: optionalString,
    STRIPE_PRICE_ANNUAL: optionalString,
    /**
     * How prices and amounts are written (a BCP 47 locale: en-GB writes £19 and US$19). The
     * currency is always the price's own, from Stripe; this only picks the notation.
     */
    SITE_LOCALE: optionalString.pipe(z.string().optional()).transform((v, ctx) => {
      const locale = v ?? 'en-GB';
      const problem = unsupportedLocale(locale);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
      return locale;
    }),
    /** Free-trial days for new members (0: none). */
    STRIPE_TRIAL_DAYS: z.coerce.number().int().min(0).max(90).default(0),
    /** How long a programme video link works (signed, bound to the member). */
    MEDIA_URL_TTL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(3600),
    /**
     * Proxies in front of the app whose X-Forwarded-For is believed (scripts/client-address.mjs
     * resolves the client there). Unset: none, the socket's address is the client. A hop count
     * ("1": one proxy, whatever its address) or a comma-separated list of addresses and CIDR
     * ranges, plus proxy-addr's names loopback, linklocal, uniquelocal.
     */
    TRUSTED_PROXIES: checkedBy(parseTrustedProxies),
    /**
     * redis://host:6379: Next's caches are shared through it (next.config.js reads it when
     * the server starts) and /readyz checks it answers. Unset: caches stay in the process.
     */
    REDIS_URL: optionalString.pipe(z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional()),
    /** After SIGTERM, how long requests in flight may finish (scripts/server.mjs parses it with the same function). */
    SHUTDOWN_GRACE_SECONDS: checkedBy(parseShutdownGrace),
    /** Seed demo accounts and data on start (set by `npm start`; demo only). */
    SEED_DEMO_DATA: z
      .enum(['true', 'false', '1', '0'])
      .optional()
      .transform((v) => v === 'true' || v === '1'),
  })
  // Feeds and emailed links must point at the port the site is on.
  .transform(({ SITE_URL, ...rest }) => ({ ...rest, SITE_URL: (SITE_URL ?? `http://localhost:${rest.PORT}`).replace(/\/+$/, '') }));

export type Env = z.infer<typeof envSchema>;

/** Parses an environment (scripts/start.ts plans its server's with this too). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

/** Production build or server: caches content, hides drafts. */
export const isProduction = env.NODE_ENV === 'production';
