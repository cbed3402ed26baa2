// The red-flag phrases (lib/triage/red-flags.ts): what members really write when a sign of
// cauda equina syndrome or a worsening nerve problem appears, and the everyday back-pain
// talk that must not raise an alarm.
import { describe, expect, it } from 'vitest';
import { findRedFlags } from '@/lib/triage/red-flags';

const signs = (text: string) => findRedFlags(text).map((m) => m.sign);

describe('findRedFlags: signs that must reach a coach first', () => {
  const flagged: [string, string][] = [
    ['I have had numbness around my groin since this morning', 'saddle-numbness'],
    ['Since yesterday my bum and inner thighs feel numb', 'saddle-numbness'],
    ['Weird tingling in the saddle area when I sit on the loo', 'saddle-numbness'],
    ["I can’t feel the toilet paper when I wipe, my bottom has gone numb", 'saddle-numbness'],
    ["I couldn't pee this morning even though I needed to", 'bladder'],
    ['Having trouble starting to wee since the flare started', 'bladder'],
    ['I think I am losing bladder control', 'bladder'],
    ['I wet myself last night without noticing', 'bladder'],
    ["I can't control my bowels since Tuesday", 'bowel'],
    ['Some loss of bowel control today, is that the disc?', 'bowel'],
    ['I have lost sensation during sex since the pain started', 'sexual-function'],
    ['Now I have sciatica down both legs', 'both-legs'],
    ['The shooting pain goes into both of my legs', 'both-legs'],
    ['My left leg is getting weaker every day', 'progressive-weakness'],
    ['My knees keep giving way on the stairs', 'progressive-weakness'],
    ["I can't lift my foot properly, it slaps when I walk", 'progressive-weakness'],
    ['The physio said I might have foot drop', 'progressive-weakness'],
  ];
  for (const [text, sign] of flagged) {
    it(`flags "${text}" as ${sign}`, () => expect(signs(text)).toContain(sign));
  }

  it('flags a sign after a denial of something else in another clause', () => {
    expect(signs("I'm not sure if it matters, but my groin feels numb")).toEqual(['saddle-numbness']);
    expect(signs('No pain today. Numbness between my legs though')).toEqual(['saddle-numbness']);
  });

  it('names each sign once, with the words that matched', () => {
    const matches = findRedFlags('Numb groin, numb bum, and I cannot pee');
    expect(matches.map((m) => m.sign)).toEqual(['saddle-numbness', 'bladder']);
    expect(matches[1].phrase).toBe('cannot pee');
    expect(matches[0].label).toMatch(/saddle/);
  });
});

describe('findRedFlags: everyday back-pain talk that must not', () => {
  const quiet = [
    'My lower back is stiff in the mornings but loosens up after the cat-cow',
    'Is it normal that my hamstrings feel tight after the bridge?',
    'I have some numbness in my little toe after sitting for long',
    'My legs felt weak after the squats, like jelly, but fine an hour later',
    'Sciatica down my right leg is much better this week',
    'I need to pee a lot at night, is that my age?',
    'No numbness in my groin or legs, just the ache',
    "I don't have any trouble peeing or any loss of bowel control",
    'Never had pins and needles around my bottom',
    'The bladder exercises from my physio are going well',
    'I felt weak and tired today so I did half the session',
    'My foot hurts a bit when I lift it onto the step',
    'Both legs ache after the walk, nothing sharp',
  ];
  for (const text of quiet) {
    it(`leaves "${text}" alone`, () => expect(findRedFlags(text)).toEqual([]));
  }
});
