// Display names lose bidi controls when saved and when shown, and pages show them in
// <bdi>: "Bob\u202Egnp.exe" must not read as "Bobexe.png", and right-to-left letters in a
// name must not reorder the words around it.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentThread } from '@/components/comments/comment-thread';
import { DisplayName } from '@/components/site/display-name';
import { cleanDisplayName, firstName } from '@/lib/auth/display-name';
import { displayNameSchema } from '@/lib/auth/name-schema';
import type { ThreadComment } from '@/lib/comments/store';
import { resolveTarget } from '@/lib/comments/targets';

const BIDI_CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];

describe('cleanDisplayName', () => {
  it.each(BIDI_CONTROLS.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase()}`, c]))('strips %s', (_, control) => {
    expect(cleanDisplayName(`Bob${control}gnp.exe`)).toBe('Bobgnp.exe');
  });

  it('turns control characters into single spaces and trims', () => {
    expect(cleanDisplayName(' Maya\n\tOkafor\u0000 \u2028Jr ')).toBe('Maya Okafor Jr');
    expect(cleanDisplayName('\u202E\u2066')).toBe('');
    expect(cleanDisplayName(null)).toBe('');
  });

  it('keeps letters of every script, and the joiners some scripts and emoji need', () => {
    expect(cleanDisplayName('Amira عمرو')).toBe('Amira عمرو');
    expect(cleanDisplayName('मनोज\u200D')).toBe('मनोज\u200D');
    expect(cleanDisplayName('👩\u200D⚕️ Sam')).toBe('👩\u200D⚕️ Sam');
  });

  it('firstName is the first word of the cleaned name', () => {
    expect(firstName('\u202EMaya Okafor')).toBe('Maya');
    expect(firstName(null)).toBe('');
  });
});

describe('displayNameSchema (sign-up)', () => {
  it('saves the name without bidi controls', () => {
    expect(displayNameSchema.parse('Bob\u202Egnp.exe')).toBe('Bobgnp.exe');
    expect(displayNameSchema.parse('  \u2067Amira\u2069 Haddad ')).toBe('Amira Haddad');
  });

  it('refuses a name that is nothing but controls, or too long once cleaned', () => {
    expect(displayNameSchema.safeParse('\u202E\u202E').error?.issues[0].message).toBe('Tell us your name.');
    expect(displayNameSchema.safeParse('x'.repeat(81)).success).toBe(false);
    expect(displayNameSchema.safeParse(`${'x'.repeat(80)}\u202E`).success).toBe(true);
  });
});

describe('names on pages', () => {
  it('DisplayName isolates the cleaned name in <bdi>', () => {
    expect(renderToStaticMarkup(createElement(DisplayName, { name: 'Bob\u202Egnp.exe' }))).toBe('<bdi>Bobgnp.exe</bdi>');
    expect(renderToStaticMarkup(createElement(DisplayName, { name: '\u202E', fallback: 'Former member' }))).toBe('<bdi>Former member</bdi>');
  });

  it('a comment shows its author, and whom it replies to, inside <bdi>', () => {
    const target = resolveTarget({ kind: 'article', slug: 'sciatica-myths' })!;
    const base = { depth: 0, authorImage: null, byStaff: false, status: 'PUBLISHED', awaitingCoach: false, answered: false, pinned: false, editedAt: null } as const;
    const comments: ThreadComment[] = [
      { ...base, id: 'c1', parentId: null, authorId: 'u1', authorName: 'Amira عمرو', body: 'First', createdAt: new Date('2026-01-01T10:00:00Z') },
      { ...base, id: 'c2', parentId: 'c1', depth: 1, authorId: 'u2', authorName: 'Bob\u202Egnp.exe', body: 'Second', createdAt: new Date('2026-01-01T11:00:00Z') },
    ];
    const html = renderToStaticMarkup(createElement(CommentThread, { target, comments, locked: false }));
    expect(html).toContain('<bdi>Amira عمرو</bdi>');
    expect(html).toContain('<bdi>Bobgnp.exe</bdi>');
    expect(html).toMatch(/replying to <bdi>Amira عمرو<\/bdi>/);
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});
