// Frontmatter schemas for every content collection. A file that does not match
// fails the build with its path and the offending field (see load-collection.ts).
import { z } from 'zod';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');

/**
 * A calendar date, YYYY-MM-DD (optionally with a time). Frontmatter is parsed with
 * YAML's JSON schema (see load-collection.ts), so this arrives as the text the author
 * wrote and an impossible date like 2026-02-30 is refused instead of rolling over.
 */
const date = z
  .string({ message: 'must be a date written as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/, 'must be a date written as YYYY-MM-DD')
  .refine((text) => {
    const d = new Date(`${text.slice(0, 10)}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text.slice(0, 10);
  }, 'is not a real calendar date')
  .transform((text) => new Date(text.length === 10 ? `${text}T00:00:00Z` : text));

/** "hh:mm:ss", "mm:ss" or a number of seconds, normalised to seconds. */
export const durationSchema = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^(\d+:)?[0-5]?\d:[0-5]\d$/, 'must be hh:mm:ss, mm:ss or seconds')
    .transform((s) => s.split(':').reduce((total, part) => total * 60 + Number(part), 0)),
]);

const image = z.object({
  src: z.string().startsWith('/', 'must be a path under public/, starting with /'),
  alt: z.string().min(1, 'describe the image for screen readers'),
});

export const accessSchema = z.enum(['public', 'members']);
export type Access = z.infer<typeof accessSchema>;

const youtubeId = z.string().regex(/^[A-Za-z0-9_-]{11}$/, 'must be an 11-character YouTube video id');

export const authorSchema = z.object({
  slug,
  name: z.string().min(1),
  role: z.string().min(1),
  /** Qualifications as the pricing page lists them, e.g. "MCSP, HCPC-registered physiotherapist". */
  credentials: z.string().min(1, 'list the coach’s qualifications'),
  bio: z.string().min(1),
  avatar: z.string().startsWith('/', 'must be a path under public/, starting with /'),
  /**
   * The coach's sign-in address, when they answer members on the site: their comments then
   * show this author's portrait. Read on the server only (lib/content/authors.ts).
   */
  email: z.email('must be the coach’s sign-in email address').transform((e) => e.toLowerCase()).optional(),
});
export const authorsFileSchema = z
  .array(authorSchema)
  .min(1)
  .refine((list) => new Set(list.map((a) => a.slug)).size === list.length, 'two authors share a slug');

/** An author as pages and content objects carry them: without the sign-in address. */
export type Author = Omit<z.infer<typeof authorSchema>, 'email'>;

/** content/pricing/faq.json: the pricing page's questions, answered in plain text. */
export const faqFileSchema = z
  .array(z.object({ question: z.string().trim().min(5).max(200), answer: z.string().trim().min(10).max(1200) }).strict())
  .min(1, 'add at least one question');
export type FaqEntry = z.infer<typeof faqFileSchema>[number];

/** content/testimonials/*.md frontmatter; the body is the member's words. */
export const testimonialFrontmatterSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    /** Who they are to the programme, e.g. "Member since 2025, repeating Phase Two". */
    context: z.string().trim().min(3).max(120),
    order: z.number().int().nonnegative().default(0),
  })
  .strict();

export const articleFrontmatterSchema = z
  .object({
    title: z.string().min(1).max(120),
    description: z.string().min(20).max(300),
    published: date,
    updated: date.optional(),
    author: slug,
    tags: z.array(slug).min(1).max(8),
    cover: image,
    /** Slug of the podcast episode this article accompanies: its video is shown at the top. */
    episode: slug.optional(),
    access: accessSchema.default('public'),
    draft: z.boolean().default(false),
  })
  .strict();
export type ArticleFrontmatter = z.infer<typeof articleFrontmatterSchema>;

export const transcriptLineSchema = z
  .object({
    at: durationSchema,
    speaker: z.string().min(1),
    text: z.string().min(1),
  })
  .strict();
export type TranscriptLine = z.infer<typeof transcriptLineSchema>;

export const audioMimeTypes = ['audio/mpeg', 'audio/x-m4a', 'audio/mp4', 'audio/aac', 'audio/ogg', 'audio/wav'] as const;

export const episodeFrontmatterSchema = z
  .object({
    title: z.string().min(1).max(120),
    description: z.string().min(20).max(300),
    number: z.number().int().positive(),
    season: z.number().int().positive().default(1),
    published: date,
    duration: durationSchema,
    /**
     * `url` is either a file in content/podcast/audio/ (written as its bare file name,
     * served with byte ranges by /media/podcast/<file>) or an absolute https URL.
     * `length` is the exact byte size: podcast apps require it in the enclosure.
     */
    audio: z
      .object({
        url: z.string().min(1),
        length: z.number().int().positive(),
        type: z.enum(audioMimeTypes),
      })
      .strict(),
    youtube: youtubeId.optional(),
    author: slug,
    tags: z.array(slug).max(8).default([]),
    cover: image.optional(),
    explicit: z.boolean().default(false),
    access: accessSchema.default('public'),
    transcript: z.array(transcriptLineSchema).default([]),
    draft: z.boolean().default(false),
  })
  .strict();
export type EpisodeFrontmatter = z.infer<typeof episodeFrontmatterSchema>;

/** Marks where the public preview of a members-only article ends. */
export const PREVIEW_MARKER = '<PreviewEnds />';

// The premium programme: content/programme/<phase-slug>/phase.yaml describes a phase,
// and each <session-slug>.mdx beside it is one follow-along session whose video and
// poster sit in the phase's media/ folder (see lib/content/programme.ts).

export const programmePhaseSchema = z
  .object({
    /** Position in the programme; unique across phases. */
    order: z.number().int().positive(),
    title: z.string().min(1).max(120),
    goal: z.string().min(10).max(400),
    whoFor: z.string().min(10).max(400),
    /** Public: shown to everyone on the programme overview. */
    summary: z.string().min(20).max(800),
    /** Full runs of the phase we suggest before moving on. */
    recommendedRuns: z.number().int().min(1).max(10),
    /** Rest days we suggest between two runs (0: none). */
    minDaysBetweenRuns: z.number().int().min(0).max(14),
  })
  .strict();
export type ProgrammePhaseData = z.infer<typeof programmePhaseSchema>;

export const videoMimeTypes = ['video/mp4', 'video/webm'] as const;

/** A bare file name in the phase's media/ folder: no folders, nothing to climb out with. */
const mediaFileName = (extensions: readonly string[]) =>
  z
    .string()
    .regex(
      new RegExp(`^[a-z0-9]+(?:-[a-z0-9]+)*\\.(?:${extensions.join('|')})$`),
      `must be a lowercase-hyphenated file name in the phase's media/ folder ending .${extensions.join(' or .')}`,
    );

const cueText = z.string().min(1).max(160);

export const programmeExerciseSchema = z
  .object({
    name: z.string().min(1).max(60),
    sets: z.number().int().min(1).max(10).optional(),
    /** A count, or text such as "8 each side". */
    reps: z.union([z.number().int().min(1).max(100), z.string().min(1).max(40)]).optional(),
    holdSeconds: z.number().int().min(1).max(300).optional(),
    cues: z.array(cueText).min(1, 'give at least one coaching cue').max(6),
    mistakes: z.array(cueText).min(1, 'give at least one common mistake').max(5),
  })
  .strict()
  .refine((exercise) => exercise.reps !== undefined || exercise.holdSeconds !== undefined, {
    message: 'give reps, holdSeconds or both',
    path: ['reps'],
  });
export type ProgrammeExerciseData = z.infer<typeof programmeExerciseSchema>;

export const programmeSessionFrontmatterSchema = z
  .object({
    /** Position within the phase; unique within the phase. */
    order: z.number().int().positive(),
    title: z.string().min(1).max(120),
    durationMinutes: z.number().int().min(1).max(120),
    /** Public: one sentence on what the session does. */
    summary: z.string().min(20).max(300),
    equipment: z.array(z.string().min(1).max(40)).max(10),
    /** `length` is the exact byte size of the file, checked against the disk. */
    video: z
      .object({
        file: mediaFileName(['mp4', 'webm']),
        type: z.enum(videoMimeTypes),
        length: z.number().int().positive(),
        poster: mediaFileName(['jpg', 'jpeg', 'png', 'webp']).optional(),
      })
      .strict(),
    exercises: z.array(programmeExerciseSchema).min(1, 'a session needs at least one exercise').max(10, 'at most 10 exercises a session'),
  })
  .strict();
export type ProgrammeSessionFrontmatter = z.infer<typeof programmeSessionFrontmatterSchema>;
