// The pricing page's content: coaches (content/authors.json), the FAQ
// (content/pricing/faq.json) and members' testimonials (content/testimonials/*.md).
// The real files load; a bad file fails with its path and what is wrong.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coachAvatarFor, getAuthors } from '@/lib/content/authors';
import { getFaq, getTestimonials } from '@/lib/content/pricing';
import { DEMO_USERS } from '@/lib/demo/demo-users';
import { createTempSite, withSiteCwd, type TempSite } from '../helpers/temp-site';

describe('the real pricing content', () => {
  it('gives every coach credentials and a portrait that exists, and no sign-in address to pages', () => {
    const authors = [...getAuthors().values()];
    expect(authors.length).toBeGreaterThanOrEqual(2);
    for (const a of authors) {
      expect(a.credentials).toMatch(/HCPC-registered/);
      expect(fs.existsSync(path.join('public', a.avatar)), a.avatar).toBe(true);
      expect(a).not.toHaveProperty('email');
    }
  });

  it('maps each demo coach account to its author’s portrait, and nobody else', () => {
    for (const user of DEMO_USERS) {
      const avatar = coachAvatarFor(user.email.toUpperCase());
      if (user.role === 'COACH') expect(avatar).toEqual({ src: `/images/authors/${user.name.toLowerCase().replace(' ', '-')}.svg`, name: user.name });
      else expect(avatar).toBeNull();
    }
    expect(coachAvatarFor(null)).toBeNull();
  });

  it('has a short FAQ and three testimonials from members', () => {
    const faq = getFaq();
    expect(faq.length).toBeGreaterThanOrEqual(4);
    expect(faq.some((q) => /cancel/i.test(q.question))).toBe(true);
    const testimonials = getTestimonials();
    expect(testimonials).toHaveLength(3);
    for (const t of testimonials) {
      expect(t.context).toMatch(/^Member since \d{4}/);
      expect(t.paragraphs.length).toBeGreaterThan(0);
    }
  });
});

describe('a bad pricing content file', () => {
  let site: TempSite;
  beforeEach(() => {
    site = createTempSite();
    fs.mkdirSync(path.join(site.root, 'content/pricing'), { recursive: true });
    fs.mkdirSync(path.join(site.root, 'content/testimonials'), { recursive: true });
  });
  afterEach(() => site.remove());
  const write = (file: string, text: string) => fs.writeFileSync(path.join(site.root, 'content', file), text);
  const load = <T>(fn: (m: typeof import('@/lib/content/pricing') & typeof import('@/lib/content/authors')) => T) =>
    withSiteCwd(site, async () => fn({ ...(await import('@/lib/content/pricing')), ...(await import('@/lib/content/authors')) }));

  it('names the FAQ file and the entry that is wrong', async () => {
    write('pricing/faq.json', JSON.stringify([{ question: 'Can I cancel?', answer: '' }]));
    await expect(load((m) => m.getFaq())).rejects.toThrow(/content\/pricing\/faq\.json:\n {2}- 0\.answer: Too small/);
    write('pricing/faq.json', '[{"question": "Can I cancel?",');
    await expect(load((m) => m.getFaq())).rejects.toThrow(/content\/pricing\/faq\.json:\n {2}- cannot read it as JSON/);
  });

  it('names the testimonial file and the field, or an empty quote', async () => {
    write('testimonials/no-context.md', '---\nname: "Ann"\n---\nGreat.\n');
    await expect(load((m) => m.getTestimonials())).rejects.toThrow(/content\/testimonials\/no-context\.md:\n {2}- context: /);
    fs.rmSync(path.join(site.root, 'content/testimonials/no-context.md'));
    write('testimonials/empty.md', '---\nname: "Ann"\ncontext: "Member since 2025"\n---\n\n');
    await expect(load((m) => m.getTestimonials())).rejects.toThrow(/content\/testimonials\/empty\.md:\n {2}- \(body\): write the member’s words/);
  });

  it('names an author without credentials or with a malformed sign-in address', async () => {
    const author = { slug: 'sam-writer', name: 'Sam Writer', role: 'Physiotherapist', credentials: 'HCPC', bio: 'Writes.', avatar: '/images/sam.png' };
    write('authors.json', JSON.stringify([{ ...author, credentials: undefined }]));
    await expect(load((m) => m.getAuthors())).rejects.toThrow(/content\/authors\.json:\n {2}- 0\.credentials: /);
    write('authors.json', JSON.stringify([{ ...author, email: 'sam at example' }]));
    await expect(load((m) => m.getAuthors())).rejects.toThrow(/0\.email: must be the coach’s sign-in email address/);
  });
});
