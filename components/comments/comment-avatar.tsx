// Who wrote a comment, at a glance: a coach's portrait, or a member's initials (members
// have no picture on the site). Decorative: the name is written beside it.

/** "Morgan Member" → "MM", "cher" → "C"; "?" when the name has no letters. */
export function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((word) => word.match(/\p{L}/u)?.[0] ?? '')
    .filter(Boolean);
  const picked = letters.length > 1 ? [letters[0], letters[letters.length - 1]] : letters;
  return picked.join('').toLocaleUpperCase('en-GB') || '?';
}

export function CommentAvatar({ name, image }: { name: string; image: string | null }) {
  if (image) {
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={image} alt="" width={36} height={36} loading="lazy" className="size-9 shrink-0 rounded-full bg-sand-100" data-testid="coach-avatar" />;
  }
  return (
    <span aria-hidden="true" className="flex size-9 shrink-0 items-center justify-center rounded-full bg-sand-200 text-xs font-semibold text-slate-700">
      {initials(name)}
    </span>
  );
}
