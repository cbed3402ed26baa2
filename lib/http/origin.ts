// Cross-site request forgery guard for route handlers that change state: the request must
// come from a page of this site (SITE_URL's origin). Server actions have Next's own check
// (Origin against Host); these are the plain POST routes a form on another site could
// target. Routes authenticated by something a forger cannot have (Stripe's signature, an
// unsubscribe token in the URL) do not need it.
import 'server-only';
import { escapeHtml } from '@/lib/email/render';
import { site } from '@/lib/site';

export type OriginVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * Browsers send `Origin` on every cross-origin POST, and on same-origin ones too; it must
 * be exactly SITE_URL's origin (`Origin: null`, from sandboxed frames and some redirects,
 * is refused). Without an Origin, `Sec-Fetch-Site` decides when present: `same-origin`
 * and `none` (the person's own navigation) pass, `same-site` and `cross-site` do not.
 * With neither header the request did not come from a modern browser, so it cannot carry
 * a victim's cookies: it passes (mail providers' servers, curl, uptime checks).
 */
export function checkOrigin(headers: Headers, siteOrigin: string = new URL(site.url).origin): OriginVerdict {
  const origin = headers.get('origin');
  if (origin !== null) {
    let parsed: string;
    try {
      parsed = new URL(origin).origin;
    } catch {
      return { allowed: false, reason: 'unreadable Origin' };
    }
    return parsed === siteOrigin ? { allowed: true } : { allowed: false, reason: 'Origin of another site' };
  }
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite === 'same-site' || fetchSite === 'cross-site') return { allowed: false, reason: `Sec-Fetch-Site: ${fetchSite}` };
  return { allowed: true };
}

/** The 403 page for a refused request, or null when the request may go on. */
export function refuseCrossOrigin(request: Request): Response | null {
  const verdict = checkOrigin(request.headers);
  if (verdict.allowed) return null;
  const home = escapeHtml(site.url);
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Not sent from ${escapeHtml(site.name)}</title></head><body><h1>This form was not sent from ${escapeHtml(site.name)}</h1><p>For your safety we only act on forms sent from our own pages. Go to <a href="${home}/">${home}</a> and try again there.</p></body></html>`;
  return new Response(html, { status: 403, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}
