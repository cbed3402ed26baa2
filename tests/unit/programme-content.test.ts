import fs from 'node:fs';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exerciseDose, getPhase, getPhases, getSession, PROGRAMME_DIR, programmeMediaPath, type ProgrammePhase } from '@/lib/content/programme';
import { createTempSite, withSiteCwd, type TempSite } from '../helpers/temp-site';

const REAL_DIR = path.join(process.cwd(), 'content', 'programme');

describe('the real content/programme folder', () => {
  const phases = getPhases();

  it('has three phases, in order, numbered 1 to 3, matching the folders on disk', () => {
    expect(PROGRAMME_DIR).toBe(REAL_DIR);
    expect(phases.map((p) => p.slug)).toEqual(['phase-one', 'phase-two', 'phase-three']);
    expect(phases.map((p) => p.number)).toEqual([1, 2, 3]);
    const orders = phases.map((p) => p.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(new Set(orders).size).toBe(3);
    const folders = fs.readdirSync(REAL_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.sort()).toEqual(phases.map((p) => p.slug).sort());
  });

  it('gives every phase its text, run advice and URL', () => {
    for (const phase of phases) {
      expect(phase.title, phase.slug).toMatch(new RegExp(`^Phase (One|Two|Three): `));
      for (const text of [phase.goal, phase.whoFor, phase.summary]) expect(text.trim().length, phase.slug).toBeGreaterThan(20);
      expect(phase.recommendedRuns, phase.slug).toBeGreaterThanOrEqual(3);
      expect(phase.recommendedRuns, phase.slug).toBeLessThanOrEqual(5);
      expect(phase.minDaysBetweenRuns, phase.slug).toBeGreaterThanOrEqual(0);
      expect(phase.minDaysBetweenRuns, phase.slug).toBeLessThanOrEqual(14);
      expect(phase.url).toBe(`/programme/${phase.slug}`);
    }
  });

  it('has 3 to 5 sessions a phase, sorted by a unique order, one per .mdx file', () => {
    for (const phase of phases) {
      expect(phase.sessions.length, phase.slug).toBeGreaterThanOrEqual(3);
      expect(phase.sessions.length, phase.slug).toBeLessThanOrEqual(5);
      const orders = phase.sessions.map((s) => s.order);
      expect(orders, phase.slug).toEqual([...orders].sort((a, b) => a - b));
      expect(new Set(orders).size, phase.slug).toBe(orders.length);
      const files = fs.readdirSync(path.join(REAL_DIR, phase.slug)).filter((f) => f.endsWith('.mdx'));
      expect(phase.sessions.map((s) => `${s.slug}.mdx`).sort(), phase.slug).toEqual(files.sort());
      for (const session of phase.sessions) {
        expect(session.phaseSlug).toBe(phase.slug);
        expect(session.slug).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/); // no number prefix
        expect(session.url).toBe(`/programme/${phase.slug}/${session.slug}`);
        expect(session.durationMinutes, session.url).toBeGreaterThanOrEqual(5);
        expect(session.durationMinutes, session.url).toBeLessThanOrEqual(30);
        expect(session.summary.length, session.url).toBeGreaterThan(20);
        expect(Array.isArray(session.equipment)).toBe(true);
        expect(session.body.trim().split(/\s+/).length, `${session.url} coaching notes`).toBeGreaterThan(120);
      }
    }
  });

  it('has 3 to 5 exercises a session, each with a dose, 2 to 4 cues and 1 to 3 common mistakes', () => {
    for (const session of phases.flatMap((p) => p.sessions)) {
      expect(session.exercises.length, session.url).toBeGreaterThanOrEqual(3);
      expect(session.exercises.length, session.url).toBeLessThanOrEqual(5);
      for (const exercise of session.exercises) {
        const label = `${session.url}: ${exercise.name}`;
        expect(exercise.name.trim(), label).not.toBe('');
        expect(exercise.reps !== null || exercise.holdSeconds !== null, label).toBe(true);
        expect(exercise.cues.length, label).toBeGreaterThanOrEqual(2);
        expect(exercise.cues.length, label).toBeLessThanOrEqual(4);
        expect(exercise.mistakes.length, label).toBeGreaterThanOrEqual(1);
        expect(exercise.mistakes.length, label).toBeLessThanOrEqual(3);
        for (const line of [...exercise.cues, ...exercise.mistakes]) expect(line.trim().length, label).toBeGreaterThan(5);
      }
    }
  });

  it('has coaching notes that compile as MDX', async () => {
    for (const session of phases.flatMap((p) => p.sessions)) {
      await expect(compile(session.body, { remarkPlugins: [remarkGfm] }), session.url).resolves.toBeDefined();
    }
  });

  it('tells people when to stop: every session mentions pain spreading down the leg', () => {
    for (const session of phases.flatMap((p) => p.sessions)) {
      expect(session.body, session.url).toMatch(/## When to stop/);
      expect(session.body, session.url).toMatch(/down (your|the back of your) leg/);
    }
  });

  it('has every video and poster on disk: faststart H.264 MP4s of the declared size, JPEG posters, all small', () => {
    let total = 0;
    for (const phase of phases) {
      const media = path.join(REAL_DIR, phase.slug, 'media');
      const referenced = new Set<string>();
      for (const session of phase.sessions) {
        expect(session.video.file).toBe(`${session.slug}.mp4`);
        expect(session.video.poster).toBe(`${session.slug}.jpg`);
        expect(session.video.type).toBe('video/mp4');
        const video = fs.readFileSync(path.join(media, session.video.file));
        expect(video.length, session.video.file).toBe(session.video.length);
        expect(video.length, session.video.file).toBeLessThan(250 * 1024);
        expect(video.subarray(4, 8).toString('latin1'), session.video.file).toBe('ftyp');
        const moov = video.indexOf('moov');
        expect(moov, `${session.video.file} has its moov box before mdat (+faststart)`).toBeGreaterThan(0);
        expect(moov).toBeLessThan(video.indexOf('mdat'));
        expect(video.includes('avc1'), `${session.video.file} is H.264`).toBe(true);
        const poster = fs.readFileSync(path.join(media, session.video.poster!));
        expect([...poster.subarray(0, 3)], session.video.poster!).toEqual([0xff, 0xd8, 0xff]);
        total += video.length + poster.length;
        referenced.add(session.video.file).add(session.video.poster!);
      }
      // No stray files left behind by an old session.
      expect(fs.readdirSync(media).sort(), phase.slug).toEqual([...referenced].sort());
    }
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });

  it('finds phases and sessions by slug', () => {
    expect(getPhase('phase-two')?.title).toBe(phases[1].title);
    expect(getPhase('phase-four')).toBeUndefined();
    const first = phases[0].sessions[0];
    expect(getSession('phase-one', first.slug)).toEqual(first);
    expect(getSession('phase-two', first.slug)).toBeUndefined();
    expect(getSession('nope', first.slug)).toBeUndefined();
  });

  it('resolves only the media files a session of that phase references', () => {
    const session = phases[0].sessions[0];
    const media = path.join(REAL_DIR, 'phase-one', 'media');
    expect(programmeMediaPath('phase-one', session.video.file)).toBe(path.join(media, session.video.file));
    expect(programmeMediaPath('phase-one', session.video.poster!)).toBe(path.join(media, session.video.poster!));
    expect(fs.existsSync(programmeMediaPath('phase-one', session.video.file)!)).toBe(true);
    // Another phase's file, unknown names, the phase's own YAML and MDX, and attempts to climb out.
    for (const [phase, file] of [
      ['phase-two', session.video.file],
      ['phase-one', 'missing.mp4'],
      ['phase-one', '../phase.yaml'],
      ['phase-one', `../${session.slug}.mdx`],
      ['phase-one', '../../../package.json'],
      ['phase-one', `media/${session.video.file}`],
      ['phase-one', `${session.video.file}/`],
      ['phase-one', '%2e%2e%2fphase.yaml'],
      ['../phase-one', session.video.file],
      ['phase-one/..', session.video.file],
      ['__proto__', 'constructor'],
      ['phase-one', 'constructor'],
      ['', ''],
    ]) {
      expect(programmeMediaPath(phase, file), `${phase} ${file}`).toBeNull();
    }
  });
});

// --- Loader checks against throwaway content folders --------------------------------

function yamlOf(data: Record<string, unknown>): string {
  // Every JSON document is valid YAML, so no escaping rules to get wrong.
  return Object.entries(data)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
}

function validPhase(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    order: 1,
    title: 'Phase One: Fixtures',
    goal: 'A fixture phase for a loader test.',
    whoFor: 'Anyone running the unit tests.',
    summary: 'A short public summary of the fixture phase.',
    recommendedRuns: 3,
    minDaysBetweenRuns: 1,
    ...overrides,
  };
}

function validSession(slug: string, overrides: Record<string, unknown> = {}, videoBytes = 1000): Record<string, unknown> {
  return {
    order: 1,
    title: 'A fixture session',
    durationMinutes: 10,
    summary: 'A fixture session written for a loader test.',
    equipment: ['mat'],
    video: { file: `${slug}.mp4`, type: 'video/mp4', length: videoBytes, poster: `${slug}.jpg` },
    exercises: [{ name: 'Fixture breathing', sets: 2, reps: 8, cues: ['Breathe in', 'Breathe out'], mistakes: ['Holding your breath'] }],
    ...overrides,
  };
}

function without(data: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => k !== key));
}

interface ProgrammeFixture {
  phase(slug: string, data?: Record<string, unknown> | null): void;
  session(phase: string, slug: string, data: Record<string, unknown>, body?: string): void;
  media(phase: string, file: string, bytes: number): void;
  /** A phase with one valid session and its media files. */
  validPhase(slug: string, phaseData?: Record<string, unknown>): void;
}

function programmeIn(site: TempSite): ProgrammeFixture {
  const dir = (phase: string) => path.join(site.root, 'content', 'programme', phase);
  const fixture: ProgrammeFixture = {
    phase(slug, data = validPhase()) {
      fs.mkdirSync(path.join(dir(slug), 'media'), { recursive: true });
      if (data) fs.writeFileSync(path.join(dir(slug), 'phase.yaml'), `${yamlOf(data)}\n`);
    },
    session(phase, slug, data, body = 'Coaching notes for the fixture session.') {
      fs.writeFileSync(path.join(dir(phase), `${slug}.mdx`), `---\n${yamlOf(data)}\n---\n\n${body}\n`);
    },
    media(phase, file, bytes) {
      fs.writeFileSync(path.join(dir(phase), 'media', file), Buffer.alloc(bytes, 7));
    },
    validPhase(slug, phaseData = validPhase()) {
      fixture.phase(slug, phaseData);
      fixture.session(slug, 'first-session', validSession('first-session'));
      fixture.media(slug, 'first-session.mp4', 1000);
      fixture.media(slug, 'first-session.jpg', 100);
    },
  };
  return fixture;
}

describe('exercise doses', () => {
  it('give a bare number of reps its unit and keep reps written in words as written', () => {
    expect(exerciseDose({ sets: 2, reps: '8', holdSeconds: null })).toBe('2 sets × 8 reps');
    expect(exerciseDose({ sets: 1, reps: '1', holdSeconds: null })).toBe('1 set × 1 rep');
    expect(exerciseDose({ sets: 2, reps: '6 each side', holdSeconds: null })).toBe('2 sets × 6 each side');
    expect(exerciseDose({ sets: 2, reps: '8 breaths', holdSeconds: 5 })).toBe('2 sets × 8 breaths · hold 5 s');
    expect(exerciseDose({ sets: null, reps: null, holdSeconds: 30 })).toBe('hold 30 s');
  });

  it('never read "reps" after words in the real programme', () => {
    for (const phase of getPhases()) {
      for (const session of phase.sessions) {
        for (const exercise of getSession(phase.slug, session.slug)!.exercises) expect(exerciseDose(exercise)).not.toMatch(/[a-z] reps?\b/);
      }
    }
  });
});

describe('the programme loader on fixture content', () => {
  let site: TempSite;
  let programme: ProgrammeFixture;
  beforeEach(() => {
    site = createTempSite();
    programme = programmeIn(site);
  });
  afterEach(() => site.remove());

  async function load(): Promise<ProgrammePhase[]> {
    return withSiteCwd(site, async () => (await import('@/lib/content/programme')).getPhases());
  }
  async function loadError(): Promise<{ name: string; file: string; message: string }> {
    return withSiteCwd(site, async () => {
      const { getPhases: loadPhases } = await import('@/lib/content/programme');
      const { ContentError } = await import('@/lib/content/load-collection');
      try {
        loadPhases();
      } catch (error) {
        expect(error).toBeInstanceOf(ContentError);
        return error as InstanceType<typeof ContentError>;
      }
      throw new Error('the programme loaded without an error');
    });
  }
  const sessionFile = (phase: string, slug: string) => path.join('content', 'programme', phase, `${slug}.mdx`);
  const phaseFile = (phase: string) => path.join('content', 'programme', phase, 'phase.yaml');

  it('loads a well-formed programme (the control for the cases below)', async () => {
    programme.validPhase('getting-going', validPhase({ order: 2, title: 'Phase Two: Later' }));
    programme.validPhase('warm-up', validPhase({ order: 1 }));
    programme.session('warm-up', 'second-session', validSession('second-session', {
      order: 2,
      equipment: [],
      exercises: [{ name: 'Side plank', reps: '2 each side', holdSeconds: 15, cues: ['Lift'], mistakes: ['Sagging'] }],
    }));
    programme.media('warm-up', 'second-session.mp4', 1000);
    programme.media('warm-up', 'second-session.jpg', 100);

    const phases = await load();
    expect(phases.map((p) => [p.slug, p.number, p.order])).toEqual([['warm-up', 1, 1], ['getting-going', 2, 2]]);
    const [first, second] = phases[0].sessions;
    expect([first.slug, second.slug]).toEqual(['first-session', 'second-session']);
    expect(first.exercises[0]).toEqual({ name: 'Fixture breathing', sets: 2, reps: '8', holdSeconds: null, cues: ['Breathe in', 'Breathe out'], mistakes: ['Holding your breath'] });
    expect(second.exercises[0]).toMatchObject({ sets: null, reps: '2 each side', holdSeconds: 15 });
    expect(second.equipment).toEqual([]);
    expect(second.video).toEqual({ file: 'second-session.mp4', type: 'video/mp4', length: 1000, poster: 'second-session.jpg' });
    expect(second.url).toBe('/programme/warm-up/second-session');
    expect(second.body.trim()).toBe('Coaching notes for the fixture session.');

    const mediaPath = await withSiteCwd(site, async () => (await import('@/lib/content/programme')).programmeMediaPath('warm-up', 'second-session.jpg'));
    expect(mediaPath).toBe(path.join(site.root, 'content', 'programme', 'warm-up', 'media', 'second-session.jpg'));
  });

  it('reads the files once in production and on every call in development', async () => {
    programme.validPhase('warm-up');
    const twice = () => withSiteCwd(site, async () => {
      const { getPhases: loadPhases, getPhase: findPhase } = await import('@/lib/content/programme');
      const first = loadPhases();
      programme.phase('warm-up', validPhase({ title: 'Phase One: Edited' }));
      return { first, second: loadPhases(), found: findPhase('warm-up') };
    });
    try {
      vi.stubEnv('NODE_ENV', 'production');
      const production = await twice();
      expect(production.second).toBe(production.first);
      expect(production.found).toBe(production.first[0]);
      expect(production.second[0].title).toBe('Phase One: Fixtures');

      programme.phase('warm-up');
      vi.stubEnv('NODE_ENV', 'development');
      const development = await twice();
      expect(development.second).not.toBe(development.first);
      expect(development.second[0].title).toBe('Phase One: Edited');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('loads no phases when there is no content/programme folder', async () => {
    expect(await load()).toEqual([]);
  });

  it('refuses a video length that differs from the file on disk', async () => {
    programme.validPhase('warm-up');
    programme.media('warm-up', 'first-session.mp4', 999);
    const error = await loadError();
    expect(error.file).toBe(sessionFile('warm-up', 'first-session'));
    expect(error.message).toMatch(/first-session\.mdx[\s\S]*- video\.length: 1000 but first-session\.mp4 is 999 bytes/);
  });

  it('refuses a missing video or poster, naming the field', async () => {
    programme.validPhase('warm-up');
    fs.rmSync(path.join(site.root, 'content/programme/warm-up/media/first-session.mp4'));
    fs.rmSync(path.join(site.root, 'content/programme/warm-up/media/first-session.jpg'));
    const error = await loadError();
    expect(error.file).toBe(sessionFile('warm-up', 'first-session'));
    expect(error.message).toMatch(/- video\.file: first-session\.mp4 is not in content\/programme\/warm-up\/media\//);
    expect(error.message).toMatch(/- video\.poster: first-session\.jpg is not in content\/programme\/warm-up\/media\//);
  });

  it('refuses a video file name that points outside the media folder', async () => {
    programme.validPhase('warm-up');
    programme.session('warm-up', 'first-session', validSession('first-session', {
      video: { file: '../first-session.mdx', type: 'video/mp4', length: 10, poster: '../../../package.json' },
    }));
    const error = await loadError();
    expect(error.file).toBe(sessionFile('warm-up', 'first-session'));
    expect(error.message).toMatch(/- video\.file: must be a lowercase-hyphenated file name/);
    expect(error.message).toMatch(/- video\.poster: must be a lowercase-hyphenated file name/);
  });

  it('refuses two sessions of a phase with the same order', async () => {
    programme.validPhase('warm-up');
    programme.session('warm-up', 'second-session', validSession('first-session'));
    const error = await loadError();
    expect(error.file).toBe(sessionFile('warm-up', 'second-session'));
    expect(error.message).toContain(`- order: 1 is also ${sessionFile('warm-up', 'first-session')}`);
  });

  it('refuses two phases with the same order', async () => {
    programme.validPhase('phase-a');
    programme.validPhase('phase-b');
    const error = await loadError();
    expect(error.file).toBe(phaseFile('phase-b'));
    expect(error.message).toContain(`- order: 1 is also ${phaseFile('phase-a')}`);
  });

  it('refuses a session with a missing field', async () => {
    programme.validPhase('warm-up');
    programme.session('warm-up', 'first-session', without(validSession('first-session'), 'title'));
    const error = await loadError();
    expect(error.file).toBe(sessionFile('warm-up', 'first-session'));
    expect(error.message).toMatch(/first-session\.mdx[\s\S]*^\s+- title: /m);
  });

  it('refuses a phase.yaml with a missing field, and a phase without one', async () => {
    programme.validPhase('warm-up', without(validPhase(), 'goal'));
    let error = await loadError();
    expect(error.file).toBe(phaseFile('warm-up'));
    expect(error.message).toMatch(/phase\.yaml[\s\S]*^\s+- goal: /m);

    fs.rmSync(path.join(site.root, 'content/programme/warm-up/phase.yaml'));
    error = await loadError();
    expect(error.file).toBe(phaseFile('warm-up'));
    expect(error.message).toMatch(/- phase\.yaml: missing/);
  });

  it('refuses a bad session file name and a bad phase folder name', async () => {
    programme.validPhase('warm-up');
    programme.session('warm-up', 'Second_Session', validSession('first-session', { order: 2 }));
    let error = await loadError();
    expect(error.file).toBe(sessionFile('warm-up', 'Second_Session'));
    expect(error.message).toMatch(/- file name: must be lowercase words joined by hyphens/);

    fs.rmSync(path.join(site.root, 'content/programme/warm-up/Second_Session.mdx'));
    fs.renameSync(path.join(site.root, 'content/programme/warm-up'), path.join(site.root, 'content/programme/Warm_Up'));
    error = await loadError();
    expect(error.file).toBe(path.join('content', 'programme', 'Warm_Up'));
    expect(error.message).toMatch(/- folder name: must be lowercase words joined by hyphens/);
  });

  it('refuses an exercise with neither reps nor holdSeconds, and runs or rest days out of range', async () => {
    programme.validPhase('warm-up', validPhase({ recommendedRuns: 11, minDaysBetweenRuns: 15 }));
    let error = await loadError();
    expect(error.file).toBe(phaseFile('warm-up'));
    expect(error.message).toMatch(/^\s+- recommendedRuns: /m);
    expect(error.message).toMatch(/^\s+- minDaysBetweenRuns: /m);

    programme.phase('warm-up');
    programme.session('warm-up', 'first-session', validSession('first-session', {
      exercises: [{ name: 'Vague', sets: 2, cues: ['Do it'], mistakes: ['Not doing it'] }],
    }));
    error = await loadError();
    expect(error.file).toBe(sessionFile('warm-up', 'first-session'));
    expect(error.message).toMatch(/^\s+- exercises\.0\.reps: give reps, holdSeconds or both/m);
  });

  it('refuses no exercises, more than 10, and an exercise without cues or mistakes', async () => {
    programme.validPhase('warm-up');
    programme.session('warm-up', 'first-session', validSession('first-session', { exercises: [] }));
    let error = await loadError();
    expect(error.message).toMatch(/^\s+- exercises: a session needs at least one exercise/m);

    const exercise = { name: 'Again', reps: 5, cues: ['Go'], mistakes: ['Rushing'] };
    programme.session('warm-up', 'first-session', validSession('first-session', { exercises: Array.from({ length: 11 }, () => exercise) }));
    error = await loadError();
    expect(error.message).toMatch(/^\s+- exercises: at most 10 exercises/m);

    programme.session('warm-up', 'first-session', validSession('first-session', { exercises: [{ ...exercise, cues: [], mistakes: [] }] }));
    error = await loadError();
    expect(error.message).toMatch(/^\s+- exercises\.0\.cues: /m);
    expect(error.message).toMatch(/^\s+- exercises\.0\.mistakes: /m);
  });

  it('refuses a video type that does not match the file, and a session without coaching notes', async () => {
    programme.validPhase('warm-up');
    programme.session('warm-up', 'first-session', validSession('first-session', {
      video: { file: 'first-session.mp4', type: 'video/webm', length: 1000, poster: 'first-session.jpg' },
    }), '   ');
    const error = await loadError();
    expect(error.file).toBe(sessionFile('warm-up', 'first-session'));
    expect(error.message).toMatch(/- video\.type: video\/webm does not match first-session\.mp4/);
    expect(error.message).toMatch(/- body: /);
  });

  it('refuses a phase folder with no sessions', async () => {
    programme.phase('warm-up');
    const error = await loadError();
    expect(error.file).toBe(path.join('content', 'programme', 'warm-up'));
    expect(error.message).toMatch(/- sessions: a phase needs at least one session/);
  });
});
