// tools/demo-audio/covers.mjs: draws the demo podcast artwork.
//
// Writes public/images/podcast/<slug>.svg for every content/podcast/*.mdx (title
// and number come from the frontmatter), public/images/podcast/show-cover.svg, and
// public/images/podcast/show-cover.png (1400x1400, for Apple Podcasts, which only
// takes JPEG/PNG) via rsvg-convert when it is installed (apt-get install -y librsvg2-bin).
// Re-runnable; run from the repo root: node tools/demo-audio/covers.mjs
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';

const OUT = 'public/images/podcast';
const C = { teal: '#0f766e', sand: '#f5efe6', coral: '#e76f51', navy: '#1e293b' };
const FONT = "'Helvetica Neue',Helvetica,Arial,'Liberation Sans',sans-serif";

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Greedy word wrap by character count (good enough for a bold sans at one size). */
function wrap(text, max) {
  const lines = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last && (last + ' ' + word).length <= max) lines[lines.length - 1] = last + ' ' + word;
    else lines.push(word);
  }
  return lines;
}

/** Small three-vertebrae brand mark, top-left at (x, y). */
const mark = (x, y, fill) =>
  `<g fill="${fill}"><rect x="${x + 6}" y="${y}" width="44" height="16" rx="8"/><rect x="${x}" y="${y + 22}" width="44" height="16" rx="8"/><rect x="${x + 6}" y="${y + 44}" width="44" height="16" rx="8"/></g>`;

/** Episode motifs, drawn inside a teal disc centred on (960, 560), r = 330. */
const MOTIFS = {
  'morning-stiffness-explained': `<circle cx="960" cy="600" r="120" fill="${C.coral}"/><g stroke="${C.coral}" stroke-width="18" stroke-linecap="round"><path d="M960 420v-60M1090 470l40-40M830 470l-40-40M1140 600h60M780 600h-60"/></g><path d="M630 700Q800 600 960 660T1290 650V900H630Z" fill="#17535a" clip-path="url(#disc)"/>`,
  'breathing-and-your-core': `<g fill="none" stroke="${C.sand}" stroke-width="16"><circle cx="960" cy="560" r="260" opacity=".35"/><circle cx="960" cy="560" r="185" opacity=".6"/><circle cx="960" cy="560" r="110"/></g><circle cx="960" cy="560" r="55" fill="${C.coral}"/>`,
  'sitting-is-not-the-enemy': `<g fill="${C.sand}"><rect x="800" y="330" width="44" height="330" rx="22"/><rect x="800" y="600" width="260" height="50" rx="25"/><rect x="1010" y="620" width="40" height="190" rx="20"/><rect x="810" y="620" width="40" height="190" rx="20"/></g><rect x="1110" y="420" width="24" height="390" rx="12" fill="${C.sand}"/><path d="M1060 420h124l-32-90h-60Z" fill="${C.coral}"/>`,
  'flare-up-first-aid': `<rect x="770" y="370" width="380" height="380" rx="70" fill="${C.sand}"/><path d="M920 430h80v90h90v80h-90v90h-80v-90h-90v-80h90Z" fill="${C.coral}" stroke="${C.coral}" stroke-width="24" stroke-linejoin="round"/>`,
  'hips-and-lower-back': `<path d="M790 520A170 170 0 0 1 1130 520" fill="none" stroke="${C.sand}" stroke-width="56" stroke-linecap="round"/><circle cx="960" cy="560" r="110" fill="${C.coral}"/><rect x="935" y="640" width="50" height="210" rx="25" fill="${C.sand}"/>`,
  'lifting-with-confidence': `<path d="M800 470a80 80 0 0 1 160 0" fill="none" stroke="${C.sand}" stroke-width="34"/><circle cx="880" cy="600" r="140" fill="${C.sand}"/><rect x="1010" y="560" width="200" height="180" rx="18" fill="${C.coral}"/><path d="M1010 620h200" stroke="${C.teal}" stroke-width="10"/><rect x="720" y="738" width="500" height="16" rx="8" fill="${C.sand}" opacity=".5"/>`,
  'sleep-positions-and-back-pain': `<path d="M1040 300a170 170 0 1 0 130 270a135 135 0 1 1 -130 -270Z" fill="${C.coral}"/><g fill="${C.sand}"><circle cx="790" cy="380" r="12"/><circle cx="860" cy="300" r="8"/><circle cx="1160" cy="380" r="10"/><rect x="760" y="660" width="400" height="120" rx="60"/></g>`,
  'walking-as-medicine': `<path d="M800 790C820 660 1120 690 1100 560S880 440 1000 330" fill="none" stroke="${C.sand}" stroke-width="80" stroke-linecap="round"/><g fill="${C.coral}"><ellipse cx="837" cy="753" rx="14" ry="22" transform="rotate(45 837 753)"/><ellipse cx="937" cy="667" rx="14" ry="22" transform="rotate(71 937 667)"/><ellipse cx="1073" cy="646" rx="14" ry="22" transform="rotate(56 1073 646)"/><ellipse cx="1075" cy="532" rx="14" ry="22" transform="rotate(-26 1075 532)"/><ellipse cx="1031" cy="442" rx="14" ry="22" transform="rotate(-55 1031 442)"/><ellipse cx="950" cy="410" rx="14" ry="22" transform="rotate(-24 950 410)"/><ellipse cx="996" cy="356" rx="14" ry="22" transform="rotate(42 996 356)"/></g>`,
};

function episodeSvg({ title, number }, slug) {
  const motif = MOTIFS[slug];
  if (!motif) throw new Error(`no motif for ${slug}: add one to MOTIFS in covers.mjs`);
  const lines = wrap(title, 22);
  if (lines.length > 3) throw new Error(`${slug}: title too long for the cover (${lines.length} lines)`);
  const titleSvg = lines
    .map((l, i) => `<text x="110" y="${1000 + i * 100}">${esc(l)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1400 1400" width="1400" height="1400" role="img" aria-label="The Steady Spine Podcast, episode ${number}: ${esc(title)}">
<defs><clipPath id="disc"><circle cx="960" cy="560" r="330"/></clipPath></defs>
<rect width="1400" height="1400" fill="${C.sand}"/>
<circle cx="960" cy="560" r="330" fill="${C.teal}"/>
${motif}
${mark(110, 110, C.teal)}
<text x="190" y="158" font-family="${FONT}" font-size="40" font-weight="700" letter-spacing="5" fill="${C.navy}">THE STEADY SPINE PODCAST</text>
<text x="110" y="380" font-family="${FONT}" font-size="44" font-weight="700" letter-spacing="8" fill="${C.coral}">EPISODE</text>
<text x="96" y="650" font-family="${FONT}" font-size="280" font-weight="800" fill="${C.teal}">${String(number).padStart(2, '0')}</text>
<rect x="110" y="870" width="120" height="12" rx="6" fill="${C.coral}"/>
<g font-family="${FONT}" font-size="88" font-weight="700" fill="${C.navy}">${titleSvg}</g>
<text x="110" y="1310" font-family="${FONT}" font-size="38" fill="${C.teal}">with Maya Okafor &amp; Tom Reilly</text>
</svg>
`;
}

function showSvg() {
  // A gently curving column of vertebrae with coral discs between them.
  const xs = [300, 284, 272, 268, 274, 290, 312];
  const verts = xs
    .map((x, i) => `<rect x="${x - 110}" y="${250 + i * 130}" width="220" height="92" rx="46"/>`)
    .join('');
  const discs = xs
    .slice(0, -1)
    .map((x, i) => `<rect x="${(x + xs[i + 1]) / 2 - 70}" y="${350 + i * 130}" width="140" height="24" rx="12"/>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1400 1400" width="1400" height="1400" role="img" aria-label="The Steady Spine Podcast with Maya Okafor and Tom Reilly">
<rect width="1400" height="1400" fill="${C.teal}"/>
<circle cx="1240" cy="180" r="300" fill="${C.sand}" opacity=".08"/>
<g fill="${C.sand}">${verts}</g>
<g fill="${C.coral}">${discs}</g>
<g font-family="${FONT}" font-weight="800" fill="${C.sand}" font-size="150">
<text x="500" y="560">The</text><text x="500" y="720">Steady</text><text x="500" y="880">Spine</text>
</g>
<text x="506" y="990" font-family="${FONT}" font-size="64" font-weight="700" letter-spacing="18" fill="${C.coral}">PODCAST</text>
<rect x="506" y="1060" width="140" height="12" rx="6" fill="${C.sand}"/>
<text x="506" y="1160" font-family="${FONT}" font-size="44" fill="${C.sand}">with Maya Okafor &amp; Tom Reilly</text>
<text x="506" y="1220" font-family="${FONT}" font-size="36" fill="${C.sand}" opacity=".8">Physio-led help for back pain</text>
</svg>
`;
}

fs.mkdirSync(OUT, { recursive: true });
const dir = 'content/podcast';
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort()) {
  const slug = path.basename(f, '.mdx');
  const { data } = matter(fs.readFileSync(path.join(dir, f), 'utf8'));
  const file = path.join(OUT, `${slug}.svg`);
  fs.writeFileSync(file, episodeSvg(data, slug));
  console.log(`${file}: ${fs.statSync(file).size} bytes`);
}
const show = path.join(OUT, 'show-cover.svg');
fs.writeFileSync(show, showSvg());
console.log(`${show}: ${fs.statSync(show).size} bytes`);

const png = path.join(OUT, 'show-cover.png');
const r = spawnSync('rsvg-convert', ['-w', '1400', '-h', '1400', '-b', C.teal, '-o', png, show], { encoding: 'utf8' });
if (r.error || r.status !== 0) {
  console.warn(`rsvg-convert unavailable or failed; ${png} not updated (apt-get install -y librsvg2-bin)`);
} else {
  console.log(`${png}: ${fs.statSync(png).size} bytes`);
}
