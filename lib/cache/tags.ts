// Cache tags name data, not pages. Whatever caches a piece of data tags it here; whatever
// changes the data invalidates the tag, and every cached page or fragment showing it
// (on every instance, when Redis is shared) is rendered afresh. No action lists pages.

/** A comment thread: its comments, their order, and whether it is locked. */
export function threadTag(kind: string, slug: string): string {
  return `thread:${kind}:${slug}`;
}

/** A member as others see them: display name, picture and role badge. */
export function memberTag(userId: string): string {
  return `member:${userId}`;
}
