// Content-Security-Policy checks shared by e2e/csp.spec.ts and the walk of every page type
// (e2e/visual.spec.ts): the policy a response carries, and what Chromium reports against it.
import { expect, type Page, type Response } from '@playwright/test';

/** Collects what Chromium reports: `securitypolicyviolation` events and console lines. */
export async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const consoleLines: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleLines.push(message.text());
  });
  // Runs before any page script, outside the page's policy (injected by the test runner).
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return async () => [...consoleLines.splice(0), ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.splice(0)))];
}

export function expectStrictPolicy(response: Response | null, path: string) {
  const policy = response?.headers()['content-security-policy'];
  expect(policy, `${path} has a Content-Security-Policy`).toBeTruthy();
  const scriptSrc = policy!.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))!;
  expect(scriptSrc, `${path}: only the site's own scripts`).toMatch(/^script-src 'self'( '(nonce|sha256)-[A-Za-z0-9+/=]+')*$/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(response!.headers()['x-frame-options']).toBe('DENY');
}

/** Next's client runtime started (it sets window.next), so the page's scripts ran under the policy. */
export async function waitForScripts(page: Page) {
  await page.waitForFunction(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version));
}
