// Red flags in what members write: symptoms in a back-pain practice that need a doctor the
// same day, not a coach's answer tomorrow. A comment or session note that mentions one is
// put first in the coach inbox, emailed to every coach at once, and the member is told
// straight away to seek urgent care. It never blocks the post.
//
// The list covers the signs of cauda equina syndrome and progressive neurological
// deficit, as named in:
//   - NICE Clinical Knowledge Summaries, "Sciatica (lumbar radiculopathy)" and "Back pain -
//     low (without radiculopathy)": red flags for cauda equina syndrome (saddle anaesthesia,
//     recent bladder or bowel dysfunction, sexual dysfunction, bilateral sciatica) and
//     severe or progressive neurological deficit;
//   - GIRFT, "National Suspected Cauda Equina Syndrome (CES) Pathway" (NHS England, 2023);
//   - NHS.uk, "Cauda equina syndrome" (when to call 999 or go to A&E).
// Reviewed for this site; a clinician should review any change. Matching is on phrases
// that carry the meaning ("numb around my groin", "can't control my bladder"), never on
// single common words ("numb", "weak", "bladder"), and skips a sign the writer denies
// ("no numbness in my groin"). Erring towards flagging is deliberate: a false alarm costs a
// coach a glance, a miss can cost a member their continence.
import 'server-only';

export interface RedFlagSign {
  id: 'saddle-numbness' | 'bladder' | 'bowel' | 'sexual-function' | 'both-legs' | 'progressive-weakness';
  /** What a coach reads beside the flag. */
  label: string;
  patterns: RegExp[];
}

const NUMB = String.raw`(?:numb(?:ness)?|no (?:feeling|sensation)|(?:lost|losing|loss of|reduced|altered|strange|weird|odd) (?:feeling|sensation)|pins and needles|tingl(?:ing|y)|can'?t feel)`;
const SADDLE = String.raw`(?:groin|saddle(?: area| region)?|genitals?|private (?:parts|area)|bum|buttocks?|bottom|backside|perineum|inner thighs?|between (?:my|the) legs|anus|back passage)`;
const AROUND = String.raw`(?:\s+(?:\w+\s+){0,3}?)`;

export const RED_FLAG_SIGNS: RedFlagSign[] = [
  {
    id: 'saddle-numbness',
    label: 'Numbness or altered feeling in the saddle area',
    patterns: [
      new RegExp(`${NUMB}${AROUND}(?:in|around|on|of|across|near)\\s+(?:(?:my|the|both)\\s+)?${SADDLE}`),
      new RegExp(`${NUMB}\\s+between\\s+(?:my|the)\\s+legs|\\bnumb\\s+${SADDLE}`), new RegExp(`${SADDLE}${AROUND}(?:is|are|feels?|feeling|went|gone|going|has gone)\\s+(?:\\w+\\s+)?(?:numb|dead|tingly)`), /saddle (?:an(?:a)?esthesia|numbness)/],
  },
  {
    id: 'bladder',
    label: 'New trouble passing urine or controlling the bladder',
    patterns: [
      /(?:can'?t|cannot|can not|couldn'?t|could not|unable to|wasn'?t able to|struggl\w* to|difficulty|trouble|problems?|hard to)\s+(?:\w+\s+){0,2}?(?:pee|wee|urinat\w*|pass(?:ing)? (?:urine|water)|empty(?:ing)? (?:my )?bladder|start(?:ing)? (?:to )?(?:pee|wee))/,
      /(?:lost|losing|loss of|no)\s+(?:\w+\s+)?(?:bladder control|control (?:of|over) (?:my )?bladder)/,
      /(?:can'?t|cannot|unable to)\s+(?:\w+\s+)?control\s+(?:my\s+)?(?:bladder|peeing|urine|wee)/,
      /(?:wet (?:myself|the bed)|(?:urinary|bladder) (?:incontinence|retention)|leaking urine|didn'?t (?:know|feel) (?:i|that i) (?:needed|had) to (?:pee|wee))/,
      /can'?t (?:feel|tell) when (?:i need to|my bladder)/,
    ],
  },
  {
    id: 'bowel',
    label: 'Loss of bowel control',
    patterns: [
      /(?:lost|losing|loss of|no)\s+(?:\w+\s+)?(?:bowel control|control (?:of|over) (?:my )?bowels?)/,
      /(?:can'?t|cannot|unable to)\s+(?:\w+\s+)?control\s+(?:my\s+)?(?:bowels?|poo)/,
      /(?:soiled myself|(?:bowel|faecal|fecal) incontinence|poo(?:ed)? myself|accidents? with my bowels?)/,
    ],
  },
  {
    id: 'sexual-function',
    label: 'New loss of sexual sensation or function',
    patterns: [/(?:lost|losing|loss of|no)\s+(?:\w+\s+)?(?:sensation|feeling)\s+(?:\w+\s+){0,2}?(?:during|in|with)\s+(?:sex|intercourse)/, /(?:can'?t|cannot|unable to)\s+(?:get|keep|maintain)\s+an erection\s+since/, /(?:new|sudden)\s+(?:erectile dysfunction|impotence)/],
  },
  {
    id: 'both-legs',
    label: 'Sciatica or nerve pain in both legs',
    patterns: [/(?:sciatica|nerve pain|shooting pain|pain|numbness|tingling)\s+(?:\w+\s+){0,3}?(?:down|in|into|through)\s+both\s+(?:of my\s+)?legs/, /both legs\s+(?:\w+\s+){0,3}?(?:sciatica|nerve pain|shooting|numb|tingl\w*)/, /(?:alternating|bilateral) sciatica/],
  },
  {
    id: 'progressive-weakness',
    label: 'Leg weakness that is getting worse, or foot drop',
    patterns: [
      /(?:legs?|foot|feet|ankles?)\s+(?:\w+\s+){0,2}?(?:getting|growing|becoming|gone|going|more and more)\s+(?:\w+\s+)?(?:weaker|weak)/,
      /(?:weakness|weak)\s+(?:\w+\s+){0,4}?(?:legs?|foot|feet)\s+(?:\w+\s+){0,3}?(?:getting worse|worsening|spreading|is worse)/,
      /(?:legs?|knees?)\s+(?:keep|keeps|kept|have been|are|is)\s+(?:giving way|giving out|collapsing|buckling)/,
      /foot\s*drop|(?:can'?t|cannot|unable to)\s+(?:lift|raise|pick up)\s+(?:my\s+)?(?:foot|toes|front of my foot)|(?:my\s+)?foot\s+(?:is\s+)?(?:slapping|dragging|flopping)/,
    ],
  },
];

export interface RedFlagMatch {
  sign: RedFlagSign['id'];
  label: string;
  /** The words that matched, as the writer put them (lower case). */
  phrase: string;
}

/** Words that deny what follows in the same clause ("no numbness", "I don't have…"). */
const NEGATION = /\b(?:no|not|never|without|nor|none|don'?t|doesn'?t|didn'?t|haven'?t|hasn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|denies|deny)\b(?:\s+\w+){0,2}\s*$/;

/** A denial that runs on through a list: "I don't have any trouble peeing or any …". */
const NEGATED_LIST = /\b(?:no|not|never|without|don'?t|doesn'?t|didn'?t|haven'?t|hasn'?t)\b[^.;!?]*\b(?:or|nor)\s+(?:any\s+)?$/;

/** Lower case, one kind of apostrophe and space, so a phrase matches however it was typed. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02bc`´]/g, "'").replace(/\s+/g, ' ');
}

/** The red-flag signs `text` mentions and does not deny, each once. */
export function findRedFlags(text: string): RedFlagMatch[] {
  const clean = normalise(text);
  const found: RedFlagMatch[] = [];
  for (const sign of RED_FLAG_SIGNS) {
    for (const pattern of sign.patterns) {
      const global = new RegExp(pattern.source, 'g');
      let match: RegExpExecArray | null;
      let hit: string | null = null;
      while ((match = global.exec(clean)) && !hit) {
        // The clause the phrase is in, up to the phrase: a denial there cancels it.
        const before = clean.slice(0, match.index).split(/[.;,!?]|\bbut\b|\bthough\b|\bhowever\b/).pop() ?? '';
        if (!NEGATION.test(before) && !NEGATED_LIST.test(before)) hit = match[0].trim();
      }
      if (hit) {
        found.push({ sign: sign.id, label: sign.label, phrase: hit });
        break;
      }
    }
  }
  return found;
}
