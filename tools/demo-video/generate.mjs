// Worker for tools/demo-video/generate.sh (read the header there first).
// Run from the repo root: node tools/demo-video/generate.mjs [phase | phase/session ...]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import yaml from 'js-yaml';

const PROGRAMME_DIR = 'content/programme';
const SECONDS = 9;
const FPS = 24;
const WIDTH = 640;
const HEIGHT = 360;
const POSTER_AT = 5; // seconds: every exercise name is showing by then
const BREATH_SECONDS = 4.5; // one slow breath in and out
const WARN_BYTES = 250 * 1024;
const C = { teal: '0x0f766e', sand: '0xf5efe6', coral: '0xe76f51', white: '0xffffff' };
const SAFE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+$/;
const NUMBER_WORDS = ['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE', 'TEN'];

const FONT_CANDIDATES = {
  regular: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 'DejaVu Sans'],
  bold: ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', 'DejaVu Sans:style=Bold'],
};

function run(cmd, args) {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

/** The font file: the usual Debian path, or whatever fontconfig finds for the name. */
function findFont([file, pattern]) {
  if (fs.existsSync(file)) return file;
  const found = spawnSync('fc-match', ['-f', '%{file}', pattern], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout && fs.existsSync(found.stdout)) return found.stdout;
  throw new Error(`font ${pattern} not found; install it with: apt-get install -y fonts-dejavu-core`);
}

const yamlOptions = { schema: yaml.JSON_SCHEMA };
const readYaml = (file) => yaml.load(fs.readFileSync(file, 'utf8'), yamlOptions) ?? {};
const readSession = (file) =>
  matter(fs.readFileSync(file, 'utf8'), { engines: { yaml: (text) => yaml.load(text, yamlOptions) ?? {} } });

/** Font size so a line of `text` fits `width` pixels (average DejaVu Sans advance ≈ 0.6 em). */
function fitSize(text, width, max, min, em = 0.6) {
  return Math.max(min, Math.min(max, Math.floor(width / (em * [...text].length))));
}

/** ffmpeg filter-graph quoting: paths go inside '...', which must not contain quotes. */
function quoted(text) {
  if (/['\\:,;[\]]/.test(text)) throw new Error(`unsafe characters for a filter argument: ${text}`);
  return text;
}

function render({ phaseNumber, session, exercises, title, tmp, videoOut, posterOut, fonts }) {
  const write = (name, text) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, text);
    return quoted(file);
  };
  const regular = quoted(fonts.regular);
  const bold = quoted(fonts.bold);
  const eyebrow = write('eyebrow.txt', `PHASE ${NUMBER_WORDS[phaseNumber - 1] ?? phaseNumber}  ·  SESSION ${session}`);
  const titleFile = write('title.txt', title);
  const demo = write('demo.txt', 'Demo video');
  const titleSize = fitSize(title, WIDTH - 80, 30, 18, 0.6);

  const listX = 300;
  const listTop = 132;
  const spacing = exercises.length > 4 ? 32 : 38;
  const longest = exercises.reduce((a, b) => ([...b].length > [...a].length ? b : a), '');
  const listSize = fitSize(longest, WIDTH - listX - 36, 19, 13, 0.56);
  const list = exercises.flatMap((name, i) => {
    const file = write(`exercise-${i}.txt`, name);
    const start = (0.8 + i * 0.55).toFixed(2);
    const y = listTop + i * spacing;
    return [
      `drawbox=x=${listX}:y=${y + Math.round(listSize / 2) - 3}:w=7:h=7:color=${C.coral}:t=fill:enable='gte(t,${start})'`,
      `drawtext=fontfile=${regular}:textfile=${file}:expansion=none:fontcolor=${C.sand}:fontsize=${listSize}:x=${listX + 18}:y=${y}:alpha='clip((t-${start})/0.5,0,1)'`,
    ];
  });

  // The "breathing" circle, drawn on a small transparent canvas (geq is per pixel,
  // so a small canvas keeps it quick) and laid over the background.
  const canvas = 240;
  const mid = canvas / 2;
  const phase = `2*PI*T/${BREATH_SECONDS}`;
  const d = `hypot(X-${mid},Y-${mid})`;
  const disc = `clip(48+14*sin(${phase})-${d}+0.5,0,1)`;
  const ring = `0.35*clip(2.5-abs(${d}-(80+20*sin(${phase}-0.7))),0,1)`;
  const [r, g, b] = [0xf5, 0xef, 0xe6];

  const graph = [
    `color=c=${C.teal}:s=${WIDTH}x${HEIGHT}:r=${FPS}:d=${SECONDS},format=rgba[bg]`,
    `color=c=black:s=${canvas}x${canvas}:r=${FPS}:d=${SECONDS},format=rgba,geq=r=${r}:g=${g}:b=${b}:a='255*max(${disc},${ring})'[breath]`,
    `color=c=${C.coral}:s=${WIDTH}x5:r=${FPS}:d=${SECONDS}[bar]`,
    `[bg][breath]overlay=x=30:y=${HEIGHT / 2 + 40 - mid}[a]`,
    `[a][bar]overlay=x='-W+W*t/${SECONDS}':y=H-5:eval=frame[b]`,
    [
      `[b]drawtext=fontfile=${regular}:textfile=${eyebrow}:expansion=none:fontcolor=${C.sand}:fontsize=13:x=40:y=34`,
      `drawtext=fontfile=${bold}:textfile=${titleFile}:expansion=none:fontcolor=${C.white}:fontsize=${titleSize}:x=40:y=58`,
      ...list,
      `drawtext=fontfile=${regular}:textfile=${demo}:expansion=none:fontcolor=${C.sand}@0.75:fontsize=12:x=w-tw-16:y=h-28`,
      'format=yuv420p[v]',
    ].join(','),
  ].join(';');

  run('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-filter_complex', graph, '-map', '[v]', '-an',
    '-c:v', 'libx264', '-profile:v', 'main', '-preset', 'slow', '-tune', 'animation',
    '-crf', '30', '-maxrate', '220k', '-bufsize', '440k', '-g', String(FPS * 3),
    '-pix_fmt', 'yuv420p', '-movflags', '+faststart',
    '-fflags', '+bitexact', '-flags:v', '+bitexact', '-map_metadata', '-1',
    '-t', String(SECONDS), videoOut,
  ]);
  run('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-ss', String(POSTER_AT), '-i', videoOut, '-frames:v', '1', '-q:v', '4',
    '-fflags', '+bitexact', '-flags:v', '+bitexact', '-map_metadata', '-1', posterOut,
  ]);
}

/**
 * Set `video.length` in the raw frontmatter, written either as a flow mapping on one
 * line (`video: { file: …, length: 123, … }`) or as a block mapping, and touch nothing else.
 */
function rewriteLength(source, length, file) {
  const end = source.indexOf('\n---', 4);
  if (!source.startsWith('---') || end < 0) throw new Error(`${file}: no frontmatter`);
  const fm = source.slice(0, end);
  const flow = /^(video:[ \t]*\{[^\n}]*?\blength:[ \t]*)\d+/m;
  const block = /^(video:[ \t]*\n(?:[ \t]+[^\n]*\n)*?[ \t]+length:[ \t]*)\d+/m;
  const re = flow.test(fm) ? flow : block.test(fm) ? block : null;
  if (!re) throw new Error(`${file}: expected a \`video:\` mapping with a \`length:\` key in the frontmatter`);
  return fm.replace(re, (_, prefix) => `${prefix}${length}`) + source.slice(end);
}

function main(filters) {
  const fonts = { regular: findFont(FONT_CANDIDATES.regular), bold: findFont(FONT_CANDIDATES.bold) };
  const phases = fs
    .readdirSync(PROGRAMME_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(PROGRAMME_DIR, e.name, 'phase.yaml')))
    .map((e) => ({ slug: e.name, data: readYaml(path.join(PROGRAMME_DIR, e.name, 'phase.yaml')) }))
    .sort((a, b) => a.data.order - b.data.order);

  const wanted = (phase, session) => filters.length === 0 || filters.includes(phase) || filters.includes(`${phase}/${session}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-video-'));
  let total = 0;
  let count = 0;
  try {
    for (const [index, phase] of phases.entries()) {
      const dir = path.join(PROGRAMME_DIR, phase.slug);
      const mediaDir = path.join(dir, 'media');
      const sessions = fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.mdx'))
        .map((name) => ({ slug: name.replace(/\.mdx$/, ''), file: path.join(dir, name), data: readSession(path.join(dir, name)).data }))
        .sort((a, b) => a.data.order - b.data.order);
      const referenced = new Set();

      for (const [position, session] of sessions.entries()) {
        const { video, title, exercises } = session.data;
        for (const name of [video?.file, video?.poster]) if (name) referenced.add(name);
        if (!wanted(phase.slug, session.slug)) continue;
        if (!video?.file || !video?.poster || !SAFE_NAME.test(video.file) || !SAFE_NAME.test(video.poster)) {
          throw new Error(`${session.file}: video.file and video.poster must be plain file names (e.g. ${session.slug}.mp4, ${session.slug}.jpg)`);
        }
        fs.mkdirSync(mediaDir, { recursive: true });
        const videoOut = path.join(mediaDir, video.file);
        const posterOut = path.join(mediaDir, video.poster);
        render({
          phaseNumber: index + 1,
          session: position + 1,
          title: String(title),
          exercises: (exercises ?? []).map((e) => String(e.name)),
          tmp,
          videoOut,
          posterOut,
          fonts,
        });
        const bytes = fs.statSync(videoOut).size;
        const source = fs.readFileSync(session.file, 'utf8');
        const updated = rewriteLength(source, bytes, session.file);
        if (updated !== source) fs.writeFileSync(session.file, updated);
        total += bytes + fs.statSync(posterOut).size;
        count += 1;
        const warn = bytes > WARN_BYTES ? `  (over ${WARN_BYTES / 1024} KB: lower -crf or -maxrate)` : '';
        console.log(`${videoOut}  ${(bytes / 1024).toFixed(1)} KB, poster ${(fs.statSync(posterOut).size / 1024).toFixed(1)} KB${warn}`);
      }
      if (fs.existsSync(mediaDir)) {
        for (const name of fs.readdirSync(mediaDir)) {
          if (!referenced.has(name)) console.warn(`warning: ${path.join(mediaDir, name)} is not used by any session (delete it?)`);
        }
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (count === 0) {
    console.error(`no sessions matched ${filters.join(' ')}`);
    process.exit(1);
  }
  console.log(`${count} video(s) and poster(s), ${(total / 1024).toFixed(1)} KB in total.`);
}

main(process.argv.slice(2));
