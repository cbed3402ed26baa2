import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/viewer/viewer';
import { oauthSignInAction } from '@/lib/auth/actions';
import { safeReturnPath } from '@/lib/auth/guards';
import { configuredOAuthProviders } from '@/lib/auth/oauth-providers';
import { MagicLinkForm, PasswordSignInForm } from './sign-in-forms';

// Rendered for each request (it reads the session or the query), so it may block.
export const instant = false;

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  // Without a place to return to: /home, which sends a member to their progress.
  const callbackUrl = safeReturnPath(typeof params.callbackUrl === 'string' ? params.callbackUrl : '/home');
  if ((await getViewer()).user) redirect(callbackUrl);
  const linkError = params.error === 'Verification';
  const notLinked = params.error === 'OAuthAccountNotLinked';
  // Only ids and names: nothing else about a provider reaches the page.
  const oauth = configuredOAuthProviders().map(({ id, name }) => ({ id, name }));
  const otherError = typeof params.error === 'string' && !linkError && !notLinked;
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
      {params.verified === '1' && <p role="status" className="mt-4 rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-800">Thank you: your email address is confirmed. You can sign in now.</p>}
      {params.reset === '1' && <p role="status" className="mt-4 rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-800">Your new password is saved, and other devices are signed out. Sign in with it now.</p>}
      {notLinked && <p role="alert" className="mt-4 rounded-lg bg-orange-50 px-4 py-3 text-sm text-coral-700">That email address already has an account. Sign in with your password or an email link; you can then use that account here.</p>}
      {otherError && <p role="alert" className="mt-4 rounded-lg bg-orange-50 px-4 py-3 text-sm text-coral-700">We could not sign you in. Please try again.</p>}
      {linkError && <p role="alert" className="mt-4 rounded-lg bg-orange-50 px-4 py-3 text-sm text-coral-700">That sign-in link has expired or was already used. Ask for a new one below.</p>}
      <section aria-labelledby="password-heading" className="mt-8">
        <h2 id="password-heading" className="sr-only">With your password</h2>
        <PasswordSignInForm callbackUrl={callbackUrl} />
        <p className="mt-3 text-sm"><Link href="/reset-password" className="text-brand-700 underline">Forgotten your password?</Link></p>
      </section>
      <section aria-labelledby="link-heading" className="mt-10 border-t border-sand-200 pt-8">
        <h2 id="link-heading" className="font-semibold">Or get a sign-in link by email</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">No password needed. New here? The link creates your account.</p>
        <MagicLinkForm callbackUrl={callbackUrl} />
      </section>
      {oauth.length > 0 && (
        <section aria-labelledby="oauth-heading" className="mt-10 border-t border-sand-200 pt-8">
          <h2 id="oauth-heading" className="font-semibold">Or continue with</h2>
          <div className="mt-4 flex flex-col gap-3">
            {oauth.map((p) => (
              <form key={p.id} action={oauthSignInAction}>
                <input type="hidden" name="provider" value={p.id} />
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <button type="submit" className="w-full rounded-full border border-slate-300 px-5 py-2.5 font-medium hover:bg-sand-50">Continue with {p.name}</button>
              </form>
            ))}
          </div>
        </section>
      )}
      <p className="mt-10 text-sm">New to Steady Spine? <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-brand-700 underline">Create an account</Link></p>
    </>
  );
}
