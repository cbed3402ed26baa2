// Worker for tools/demo-audio/generate.sh (read the header there first).
// Run from the repo root: node tools/demo-audio/generate.mjs [slug ...]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';

const EPISODES_DIR = 'content/podcast';
const AUDIO_DIR = path.join(EPISODES_DIR, 'audio');
const SHOW = 'The Steady Spine Podcast';
const HOSTS = 'Maya Okafor & Tom Reilly';

/** espeak-ng voice per transcript `speaker`. */
const VOICES = {
  Maya: { voice: 'en-gb+f3' },
  Tom: { voice: 'en-gb+m3' },
};
const WPM = 160;
const RATE = 22050; // Hz, mono
const GAP_SECONDS = 0.4; // silence between lines
const TAIL_SECONDS = 0.8; // silence after the last line
const KBPS = 48;
const WARN_BYTES = 600 * 1024;

function run(cmd, args) {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  }
  return result.stdout;
}

const pad = (n) => String(n).padStart(2, '0');
/** Whole seconds, rounded down, as "mm:ss" (transcript `at`). */
function mmss(seconds) {
  const s = Math.floor(seconds);
  return `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
}
/** Seconds, rounded to the nearest second, as "hh:mm:ss" (episode `duration`). */
function hhmmss(seconds) {
  const s = Math.round(seconds);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** Replace exactly one match of `re` in `text`, or throw. */
function replaceOnce(text, re, replacement, what, file) {
  const matches = text.match(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'));
  if (!matches || matches.length !== 1) {
    throw new Error(`${file}: expected exactly one ${what} in the frontmatter, found ${matches ? matches.length : 0}`);
  }
  return text.replace(re, replacement);
}

/**
 * Rewrite duration, audio.length and every transcript `at` in the raw frontmatter
 * text with targeted regex replacements, so formatting, quoting and comments
 * elsewhere stay byte-identical.
 */
function rewriteFrontmatter(fm, { duration, length, starts }, file) {
  let out = replaceOnce(fm, /^duration:[^\n]*$/m, `duration: "${duration}"`, 'top-level `duration:`', file);

  const audio = out.match(/^audio:[ \t]*\n((?:[ \t]+[^\n]*\n)+)/m);
  if (!audio) throw new Error(`${file}: \`audio:\` must be a block mapping (one key per indented line)`);
  const audioBlock = replaceOnce(audio[1], /^([ \t]+length:[ \t]*)[^\n]*$/m, `$1${length}`, '`audio.length:`', file);
  out = out.slice(0, audio.index) + audio[0].replace(audio[1], () => audioBlock) + out.slice(audio.index + audio[0].length);

  const tr = out.match(/^transcript:[ \t]*\n((?:(?:[ \t]+|- )[^\n]*\n|[ \t]*\n)+)/m);
  if (!tr) throw new Error(`${file}: \`transcript:\` must be a block sequence`);
  const atRe = /^([ \t]*(?:- +)?at:[ \t]*)[^\n]*$/gm;
  const count = (tr[1].match(atRe) || []).length;
  if (count !== starts.length) {
    throw new Error(`${file}: found ${count} \`at:\` keys for ${starts.length} transcript lines (write each line with its own \`at:\`)`);
  }
  let i = 0;
  const trBlock = tr[1].replace(atRe, (_, prefix) => `${prefix}"${starts[i++]}"`);
  out = out.slice(0, tr.index) + tr[0].replace(tr[1], () => trBlock) + out.slice(tr.index + tr[0].length);
  return out;
}

function synthesiseEpisode(file, tmp) {
  const slug = path.basename(file, '.mdx');
  const src = fs.readFileSync(file, 'utf8');
  const { data, content } = matter(src);
  const lines = data.transcript;
  if (!Array.isArray(lines) || lines.length === 0) {
    console.log(`skip ${slug}: no transcript`);
    return;
  }
  const expectedUrl = `${slug}.mp3`;
  if (!data.audio || data.audio.url !== expectedUrl) {
    throw new Error(`${file}: audio.url should be "${expectedUrl}" (a bare file name in ${AUDIO_DIR}/)`);
  }

  const dir = fs.mkdtempSync(path.join(tmp, `${slug}-`));
  const gap = path.join(dir, 'gap.wav');
  const tail = path.join(dir, 'tail.wav');
  run('sox', ['-R', '-n', '-r', RATE, '-c', '1', '-b', '16', gap, 'trim', '0', `${Math.round(GAP_SECONDS * RATE)}s`]);
  run('sox', ['-R', '-n', '-r', RATE, '-c', '1', '-b', '16', tail, 'trim', '0', `${Math.round(TAIL_SECONDS * RATE)}s`]);
  const gapSamples = Number(run('soxi', ['-s', gap]).trim());

  const parts = [];
  const starts = [];
  let samples = 0;
  lines.forEach((line, i) => {
    const voice = VOICES[line.speaker];
    if (!voice) throw new Error(`${file}: transcript line ${i + 1} has unknown speaker "${line.speaker}" (known: ${Object.keys(VOICES).join(', ')})`);
    const raw = path.join(dir, `raw-${i}.wav`);
    const wav = path.join(dir, `line-${i}.wav`);
    run('espeak-ng', ['-v', voice.voice, '-s', String(WPM), '-w', raw, String(line.text)]);
    run('sox', ['-R', raw, '-r', RATE, '-c', '1', '-b', '16', wav]);
    if (i > 0) {
      parts.push(gap);
      samples += gapSamples;
    }
    starts.push(mmss(samples / RATE));
    parts.push(wav);
    samples += Number(run('soxi', ['-s', wav]).trim());
  });
  parts.push(tail);

  const joined = path.join(dir, 'episode.wav');
  run('sox', ['-R', ...parts, joined, 'highpass', '60', 'gain', '-n', '-1']);

  fs.mkdirSync(AUDIO_DIR, { recursive: true });
  const mp3 = path.join(AUDIO_DIR, expectedUrl);
  const published = data.published instanceof Date ? data.published : new Date(String(data.published));
  run('lame', [
    '--silent', '-m', 'm', '-b', String(KBPS), '--cbr', '-q', '2', '--resample', String(RATE / 1000),
    '--add-id3v2', '--id3v2-only',
    '--tt', String(data.title), '--ta', HOSTS, '--tl', SHOW,
    '--ty', String(published.getUTCFullYear()), '--tn', String(data.number ?? ''),
    joined, mp3,
  ]);

  const seconds = Number(run('soxi', ['-D', mp3]).trim());
  const length = fs.statSync(mp3).size;
  const duration = hhmmss(seconds);

  const fmMatch = src.match(/^---[ \t]*\n([\s\S]*?\n)---[ \t]*(\n|$)/);
  if (!fmMatch) throw new Error(`${file}: no frontmatter block`);
  const newFm = rewriteFrontmatter(fmMatch[1], { duration, length, starts }, file);
  const out = src.slice(0, fmMatch.index) + fmMatch[0].replace(fmMatch[1], () => newFm) + src.slice(fmMatch.index + fmMatch[0].length);

  // Safety net: the rewritten file must parse to the same data apart from the three fields.
  const check = matter(out + '\n').data; // appended newline dodges gray-matter's cache
  const strip = (d) => JSON.stringify({ ...d, duration: 0, audio: { ...d.audio, length: 0 }, transcript: d.transcript.map((l) => ({ ...l, at: 0 })) });
  if (strip(check) !== strip(data) || check.duration !== duration || check.audio.length !== length
    || check.transcript.some((l, i) => l.at !== starts[i])) {
    throw new Error(`${file}: rewriting the frontmatter changed more than duration/audio.length/at; file left untouched`);
  }
  if (out !== src) fs.writeFileSync(file, out);

  const ats = new Set(starts);
  const stray = [...content.matchAll(/\((\d{2}:\d{2})\)/g)].map((m) => m[1]).filter((t) => !ats.has(t));
  for (const t of stray) console.warn(`  warning ${slug}: show-notes timestamp (${t}) is not the start of any transcript line`);
  if (length > WARN_BYTES) console.warn(`  warning ${slug}: ${length} bytes is over ${WARN_BYTES}`);

  console.log(`${slug}: ${lines.length} lines, ${duration} (${seconds.toFixed(2)} s), ${length} bytes${out !== src ? ', frontmatter updated' : ''}`);
}

const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(EPISODES_DIR)
  .filter((f) => f.endsWith('.mdx'))
  .filter((f) => wanted.length === 0 || wanted.includes(path.basename(f, '.mdx')))
  .sort()
  .map((f) => path.join(EPISODES_DIR, f));
const unknown = wanted.filter((w) => !files.some((f) => path.basename(f, '.mdx') === w));
if (unknown.length) {
  console.error(`no episode file for: ${unknown.join(', ')}`);
  process.exit(1);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-audio-'));
try {
  for (const file of files) synthesiseEpisode(file, tmp);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
