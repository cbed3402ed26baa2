// When a member's question still needs a coach: asked (lib/comments/store.ts decides
// which comments are questions), published, not answered and not closed by staff as
// "No reply needed". The inbox, its counts and the coaches' emails all use this.
export const AWAITING_COACH = { awaitingCoach: true, answeredAt: null, closedAt: null, status: 'PUBLISHED' } as const;
