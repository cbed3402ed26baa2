// The app server's database gate (scripts/database-gate.mjs): which requests wait for the
// database. tests/integration/database-gate.postgres.test.ts closes and opens it for real.
import { describe, expect, it } from 'vitest';
import { needsDatabase, watchDatabase } from '../../scripts/database-gate.mjs';

const request = (method: string, url: string, cookie?: string) => ({ method, url, headers: cookie ? { cookie } : {} });

describe('needsDatabase', () => {
  it('holds back writes and signed-in requests, lets anonymous reads, built files and probes through', () => {
    expect(needsDatabase(request('POST', '/programme/phase-two/single-leg-balance'))).toBe(true);
    expect(needsDatabase(request('POST', '/api/stripe/webhook'))).toBe(true);
    expect(needsDatabase(request('GET', '/dashboard', 'theme=dark; authjs.session-token=abc'))).toBe(true);
    expect(needsDatabase(request('GET', '/account', '__Secure-authjs.session-token.0=abc'))).toBe(true);
    expect(needsDatabase(request('GET', '/articles/best-sleep-positions-for-back-pain', 'theme=dark'))).toBe(false);
    expect(needsDatabase(request('HEAD', '/podcast/feed.xml'))).toBe(false);
    expect(needsDatabase(request('GET', '/_next/static/chunks/app.js', 'authjs.session-token=abc'))).toBe(false);
    expect(needsDatabase(request('GET', '/readyz', 'authjs.session-token=abc'))).toBe(false);
    // A cookie that merely contains the name elsewhere is not a session.
    expect(needsDatabase(request('GET', '/', 'note=authjs.session-token'))).toBe(false);
  });

  it('is off for the embedded database, which lives in the process', () => {
    expect(watchDatabase('pglite:/tmp/somewhere')).toBeNull();
    expect(watchDatabase(undefined)).toBeNull();
  });
});
