// The coaches who write and answer (content/authors.json). Pages get them without their
// sign-in address; coachAvatarFor maps a staff account to its author's portrait.
import 'server-only';
import { loadJsonFile, memoizeInProduction } from './load-collection';
import { authorsFileSchema, type Author } from './schema';

export type { Author };

const loadAuthorsFile = memoizeInProduction(() => loadJsonFile('authors.json', authorsFileSchema));

/** Without the sign-in address, which stays on the server. */
function publicAuthor({ slug, name, role, credentials, bio, avatar }: Author): Author {
  return { slug, name, role, credentials, bio, avatar };
}

export const getAuthors = memoizeInProduction((): Map<string, Author> => new Map(loadAuthorsFile().map((a) => [a.slug, publicAuthor(a)])));

export function getAuthor(slug: string): Author | undefined {
  return getAuthors().get(slug);
}

const getAvatarsByEmail = memoizeInProduction(
  () => new Map(loadAuthorsFile().flatMap((a) => (a.email ? [[a.email, { src: a.avatar, name: a.name }] as const] : []))),
);

/** The portrait of the author whose sign-in address this is, or null (members, staff who write nothing). */
export function coachAvatarFor(email: string | null | undefined): { src: string; name: string } | null {
  if (!email) return null;
  return getAvatarsByEmail().get(email.toLowerCase()) ?? null;
}
