// Temporary: replaced by the caching work of issue 15. The private feeds now live in
// lib/podcast/private-feed; lib/content/members-content.tsx, which is being rewritten,
// still imports this path. Delete this file once it no longer does.
export * from '@/lib/podcast/private-feed/tokens';
