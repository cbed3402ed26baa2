// The lifecycle emails: what each is, what triggers it, and whether a member may turn it
// off. Plain data (no server-only): the staff page and the account form show it too.
import { z } from 'zod';

export const LIFECYCLE_KINDS = ['welcome', 'card-failed', 'ending-soon', 'lapsed', 'gone-quiet', 'next-phase'] as const;
export type LifecycleKind = (typeof LIFECYCLE_KINDS)[number];

export const lifecycleKindSchema = z.enum(LIFECYCLE_KINDS, { error: 'Unknown lifecycle email.' });

const DAY_MS = 86_400_000;

/** The timings, in one place: the rules (rules.ts), the staff page and the README use them. */
export const TIMING = {
  /** "Your membership ends in 3 days", after a cancellation. */
  endingSoonMs: 3 * DAY_MS,
  /** The lapsed email goes this long after the membership ended… */
  lapsedAfterMs: 7 * DAY_MS,
  /** …and is still sent this much later (a job down for a while catches up, no older). */
  lapsedCatchUpMs: 7 * DAY_MS,
  /** No completed session for this long while entitled: gone quiet. */
  quietAfterMs: 10 * DAY_MS,
  /** At most one gone-quiet email per member in this long. */
  quietRepeatMs: 14 * DAY_MS,
  /** Completions this recent are checked for readiness (the job runs hourly; this covers a pause). */
  readyLookbackMs: 2 * DAY_MS,
} as const;

export interface LifecycleKindInfo {
  kind: LifecycleKind;
  /** Staff page and account page label. */
  label: string;
  /** What triggers it, for the staff page. */
  trigger: string;
  /** For the account page's checkbox and the unsubscribe page: "emails about …". */
  about: string;
  /**
   * Whether a member may turn it off. Card failed may not: it is about their money and
   * their access (a member who never hears of it loses access without warning), so, as
   * Ghost and Stripe treat payment-failure notices, it is transactional mail, not
   * marketing. Admins can still switch it off for everyone (e.g. when Stripe's own
   * failed-payment emails are on).
   */
  memberCanMute: boolean;
}

export const LIFECYCLE_INFO: Record<LifecycleKind, LifecycleKindInfo> = {
  welcome: {
    kind: 'welcome',
    label: 'Welcome',
    trigger: 'A membership starts (paid or trial), from the Stripe webhook: the plan, the renewal or trial date, and where to start (Phase One, session 1).',
    about: 'a welcome when a membership starts',
    memberCanMute: true,
  },
  'card-failed': {
    kind: 'card-failed',
    label: 'Card failed',
    trigger: 'Stripe reports a failed renewal payment (invoice.payment_failed) and the membership is past due: once per invoice and attempt, with a link to update the card.',
    about: 'a failed card payment',
    memberCanMute: false,
  },
  'ending-soon': {
    kind: 'ending-soon',
    label: 'Membership ending',
    trigger: 'A cancelled membership has 3 days or less left of its paid period: once per period.',
    about: 'your membership ending after you cancel',
    memberCanMute: true,
  },
  lapsed: {
    kind: 'lapsed',
    label: 'Lapsed',
    trigger: '7 days after a membership ended, unless the member rejoined: once per membership.',
    about: 'coming back, a week after a membership ends',
    memberCanMute: true,
  },
  'gone-quiet': {
    kind: 'gone-quiet',
    label: 'Gone quiet',
    trigger: 'A member with access has completed no session for 10 days (or since joining): at most once a fortnight.',
    about: 'picking the programme up again after 10 days without a session',
    memberCanMute: true,
  },
  'next-phase': {
    kind: 'next-phase',
    label: 'Ready for the next phase',
    trigger: 'The readiness rule says the member has done the recommended runs of a phase: once per phase, within the hour (the hourly job).',
    about: 'being ready for the next phase of the programme',
    memberCanMute: true,
  },
};

/** The kinds a member may turn off: the unsubscribe categories. */
export type LifecycleCategory = Exclude<LifecycleKind, 'card-failed'>;
export const MUTABLE_KINDS = LIFECYCLE_KINDS.filter((kind): kind is LifecycleCategory => LIFECYCLE_INFO[kind].memberCanMute);

/** A category from a link or form: one a member may turn off, nothing else. */
export const lifecycleCategorySchema = z.enum(MUTABLE_KINDS as [LifecycleCategory, ...LifecycleCategory[]], { error: 'Unknown email category.' });

/** The account form's checkbox for a category: ticked (on) means "send me these". */
export const choiceField = (category: LifecycleCategory) => `lifecycle-${category}` as const;
type ChoiceFields = Record<ReturnType<typeof choiceField>, z.ZodOptional<z.ZodEnum<{ on: 'on' }>>>;

/**
 * The account form's lifecycle checkboxes. `lifecycle-form` says the form had them, so a
 * post without the fieldset (an older page) changes nothing rather than muting everything.
 */
export const lifecycleChoicesSchema = z.object({
  'lifecycle-form': z.enum(['1']).optional(),
  ...(Object.fromEntries(MUTABLE_KINDS.map((kind) => [choiceField(kind), z.enum(['on'], { error: 'Tick the box, or leave it empty.' }).optional()])) as ChoiceFields),
});

/** The categories left unticked, or null when the form had no lifecycle checkboxes. */
export function mutedFromChoices(input: z.output<typeof lifecycleChoicesSchema>): LifecycleCategory[] | null {
  if (input['lifecycle-form'] !== '1') return null;
  return MUTABLE_KINDS.filter((kind) => input[choiceField(kind)] !== 'on');
}
