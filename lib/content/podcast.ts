// Temporary: replaced by the caching work of issue 15. Episodes now live in
// lib/podcast/episodes.ts; lib/content/members-content.tsx, which is being rewritten,
// still imports this path. Delete this file once it no longer does.
export * from '@/lib/podcast/episodes';
