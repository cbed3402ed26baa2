// The premium follow-along programme, read from content/programme/:
//
//   content/programme/<phase-slug>/phase.yaml        the phase (programmePhaseSchema)
//   content/programme/<phase-slug>/<session>.mdx     one session each (programmeSessionFrontmatterSchema)
//   content/programme/<phase-slug>/media/            each session's video and poster
//
// Everything is validated the way the other collections are: a bad file throws a
// ContentError naming the file and the field, which fails `next build` and
// `npm run content:check`. The videos are committed (tools/demo-video/ makes the demo
// ones), so loading never needs ffmpeg; it only checks each file exists and that its
// byte size matches `video.length`.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { CONTENT_DIR, ContentError, loadCollection, memoizeInProduction } from './load-collection';
import { programmePhaseSchema, programmeSessionFrontmatterSchema, type ProgrammeExerciseData } from './schema';

export const PROGRAMME_DIR = path.join(CONTENT_DIR, 'programme');
const PHASE_FILE = 'phase.yaml';
const MEDIA_FOLDER = 'media';
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface ProgrammeExercise {
  name: string;
  sets: number | null;
  /** "8", "8 each side"… null when the exercise is a timed hold only. */
  reps: string | null;
  holdSeconds: number | null;
  cues: string[];
  mistakes: string[];
}

/**
 * How much of an exercise, as a coach would say it: "2 sets × 8 reps", "2 sets × 6 each
 * side", "2 sets × 8 breaths · hold 5 s". A bare number of reps gets its unit; reps
 * written with their own words ("8 breaths", "6 each side") keep them.
 */
export function exerciseDose(e: Pick<ProgrammeExercise, 'sets' | 'reps' | 'holdSeconds'>): string {
  const reps = e.reps === null ? null : /^\d+$/.test(e.reps.trim()) ? `${e.reps.trim()} ${e.reps.trim() === '1' ? 'rep' : 'reps'}` : e.reps.trim();
  const amount = [e.sets ? `${e.sets} ${e.sets === 1 ? 'set' : 'sets'}` : null, reps].filter(Boolean).join(' × ');
  return [amount || null, e.holdSeconds ? `hold ${e.holdSeconds} s` : null].filter(Boolean).join(' · ');
}

export interface ProgrammeSession {
  phaseSlug: string;
  slug: string;
  order: number;
  title: string;
  durationMinutes: number;
  /** Public: one sentence on what the session does. */
  summary: string;
  equipment: string[];
  /** Bare file names in the phase's media/ folder; serve them through programmeMediaPath(). */
  video: { file: string; type: string; length: number; poster: string | null };
  exercises: ProgrammeExercise[];
  /** The MDX coaching notes. Members only. */
  body: string;
  /** /programme/<phase>/<session> */
  url: string;
}

export interface ProgrammePhase {
  slug: string;
  order: number;
  /** 1-based position in the programme. */
  number: number;
  title: string;
  goal: string;
  whoFor: string;
  /** Public. */
  summary: string;
  recommendedRuns: number;
  minDaysBetweenRuns: number;
  /** Sorted by order. */
  sessions: ProgrammeSession[];
  /** /programme/<phase> */
  url: string;
}

const relative = (fullPath: string) => path.relative(process.cwd(), fullPath);

function readPhaseFile(fullPath: string) {
  const file = relative(fullPath);
  if (!fs.existsSync(fullPath)) throw new ContentError(file, [`${PHASE_FILE}: missing; every phase folder needs one`]);
  let raw: unknown;
  try {
    // JSON schema, as for frontmatter (load-collection.ts): values stay what the author wrote.
    raw = yaml.load(fs.readFileSync(fullPath, 'utf8'), { schema: yaml.JSON_SCHEMA }) ?? {};
  } catch (error) {
    throw new ContentError(file, [`not valid YAML: ${(error as Error).message}`]);
  }
  const result = programmePhaseSchema.safeParse(raw);
  if (!result.success) {
    throw new ContentError(
      file,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`),
    );
  }
  return { file, data: result.data };
}

/** Checks a media file named in the frontmatter is a file in the phase's media/ folder. */
function mediaProblem(mediaDir: string, field: string, name: string, length?: number): string | undefined {
  const where = `${relative(mediaDir)}/`;
  const onDisk = path.join(mediaDir, name);
  const stat = fs.statSync(onDisk, { throwIfNoEntry: false });
  if (!stat?.isFile()) return `${field}: ${name} is not in ${where}`;
  if (length !== undefined && stat.size !== length) return `video.length: ${length} but ${name} is ${stat.size} bytes`;
  return undefined;
}

const EXTENSION_TYPES: Record<string, string> = { '.mp4': 'video/mp4', '.webm': 'video/webm' };

function toExercise(data: ProgrammeExerciseData): ProgrammeExercise {
  return {
    name: data.name,
    sets: data.sets ?? null,
    reps: data.reps === undefined ? null : String(data.reps),
    holdSeconds: data.holdSeconds ?? null,
    cues: data.cues,
    mistakes: data.mistakes,
  };
}

function loadPhase(slug: string): Omit<ProgrammePhase, 'number'> {
  const dir = path.join(PROGRAMME_DIR, slug);
  const { data } = readPhaseFile(path.join(dir, PHASE_FILE));
  const mediaDir = path.join(dir, MEDIA_FOLDER);

  const files = loadCollection(path.join('programme', slug), programmeSessionFrontmatterSchema);
  if (files.length === 0) throw new ContentError(relative(dir), ['sessions: a phase needs at least one session (<session-slug>.mdx)']);

  const orders = new Map<number, string>();
  const sessions = files.map(({ slug: sessionSlug, file, data: session, body }): ProgrammeSession => {
    const problems: string[] = [];
    const clash = orders.get(session.order);
    if (clash) problems.push(`order: ${session.order} is also ${clash}`);
    orders.set(session.order, file);

    const lengthProblem = mediaProblem(mediaDir, 'video.file', session.video.file, session.video.length);
    if (lengthProblem) problems.push(lengthProblem);
    const expectedType = EXTENSION_TYPES[path.extname(session.video.file)];
    if (expectedType !== session.video.type) problems.push(`video.type: ${session.video.type} does not match ${session.video.file} (${expectedType})`);
    if (session.video.poster) {
      const posterProblem = mediaProblem(mediaDir, 'video.poster', session.video.poster);
      if (posterProblem) problems.push(posterProblem);
    }
    if (body.trim() === '') problems.push('body: write the coaching notes for the session below the frontmatter');
    if (problems.length > 0) throw new ContentError(file, problems);

    return {
      phaseSlug: slug,
      slug: sessionSlug,
      order: session.order,
      title: session.title,
      durationMinutes: session.durationMinutes,
      summary: session.summary,
      equipment: session.equipment,
      video: { file: session.video.file, type: session.video.type, length: session.video.length, poster: session.video.poster ?? null },
      exercises: session.exercises.map(toExercise),
      body,
      url: `/programme/${slug}/${sessionSlug}`,
    };
  });

  return {
    slug,
    order: data.order,
    title: data.title,
    goal: data.goal,
    whoFor: data.whoFor,
    summary: data.summary,
    recommendedRuns: data.recommendedRuns,
    minDaysBetweenRuns: data.minDaysBetweenRuns,
    sessions: sessions.sort((a, b) => a.order - b.order),
    url: `/programme/${slug}`,
  };
}

function loadPhases(): ProgrammePhase[] {
  if (!fs.existsSync(PROGRAMME_DIR)) return [];
  const folders = fs
    .readdirSync(PROGRAMME_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();

  const orders = new Map<number, string>();
  const phases = folders.map((slug) => {
    if (!SLUG.test(slug)) {
      throw new ContentError(relative(path.join(PROGRAMME_DIR, slug)), ['folder name: must be lowercase words joined by hyphens (it becomes the URL)']);
    }
    const phase = loadPhase(slug);
    const phaseFile = relative(path.join(PROGRAMME_DIR, slug, PHASE_FILE));
    const clash = orders.get(phase.order);
    if (clash) throw new ContentError(phaseFile, [`order: ${phase.order} is also ${clash}`]);
    orders.set(phase.order, phaseFile);
    return phase;
  });

  return phases.sort((a, b) => a.order - b.order).map((phase, index) => ({ ...phase, number: index + 1 }));
}

/** Every phase, in programme order, each with its sessions in order. */
export const getPhases = memoizeInProduction(loadPhases);

const getPhaseMap = memoizeInProduction(() => new Map(getPhases().map((phase) => [phase.slug, phase])));

/**
 * For each phase, the media files its sessions name (videos and posters), by file
 * name, to their absolute paths. The names come from validated frontmatter.
 */
const getMediaMap = memoizeInProduction(
  () =>
    new Map(
      getPhases().map((phase) => {
        const files = new Map<string, string>();
        for (const session of phase.sessions) {
          for (const name of [session.video.file, session.video.poster]) {
            if (name) files.set(name, path.join(PROGRAMME_DIR, phase.slug, MEDIA_FOLDER, name));
          }
        }
        return [phase.slug, files];
      }),
    ),
);

export function getPhase(slug: string): ProgrammePhase | undefined {
  return getPhaseMap().get(slug);
}

export function getSession(phaseSlug: string, sessionSlug: string): ProgrammeSession | undefined {
  return getPhase(phaseSlug)?.sessions.find((session) => session.slug === sessionSlug);
}

/**
 * The absolute path of a video or poster that a session of this phase references, or
 * null for anything else. Both arguments are only used as keys into the list built
 * from the content, so nothing from a URL ever becomes part of a path.
 */
export function programmeMediaPath(phaseSlug: string, file: string): string | null {
  if (typeof phaseSlug !== 'string' || typeof file !== 'string') return null;
  return getMediaMap().get(phaseSlug)?.get(file) ?? null;
}
