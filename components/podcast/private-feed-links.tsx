'use client';
// A member's private feed address with a copy button and links that open it in the
// common podcast apps. When the browser does not allow copying, the address is
// selected so the member can copy it with the keyboard.
import { useId, useRef, useState } from 'react';

const withoutScheme = (url: string) => url.replace(/^https?:\/\//, '');

export function PrivateFeedLinks({ feedUrl }: { feedUrl: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copyAddress() {
    try {
      await navigator.clipboard.writeText(feedUrl);
      setCopy('copied');
    } catch {
      input.current?.select();
      setCopy('failed');
    }
  }

  const apps = [
    { name: 'Apple Podcasts', href: `podcast://${withoutScheme(feedUrl)}` },
    { name: 'Overcast', href: `overcast://x-callback-url/add?url=${encodeURIComponent(feedUrl)}` },
    { name: 'Pocket Casts', href: `pktc://subscribe/${withoutScheme(feedUrl)}` },
  ];
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">Your private feed address</label>
      <div className="mt-1 flex flex-col gap-2 sm:flex-row">
        <input
          id={id}
          ref={input}
          readOnly
          value={feedUrl}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="private-feed-url"
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-sand-50 px-3 py-2 font-mono text-sm"
        />
        <button type="button" onClick={copyAddress} className="rounded-full bg-brand-600 px-5 py-2 font-medium text-white hover:bg-brand-700">
          Copy address
        </button>
      </div>
      <p role="status" className="mt-1 min-h-5 text-sm text-brand-800">
        {copy === 'copied' && 'Copied. Paste it into your podcast app (“Add a show by URL” or “Follow a show by URL”).'}
        {copy === 'failed' && 'This browser did not let us copy. The address is selected: press Ctrl+C (or ⌘C) to copy it.'}
      </p>
      <p className="mt-2 text-sm text-slate-700">Or open it in:</p>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {apps.map((app) => (
          <li key={app.name}>
            <a href={app.href} className="font-medium text-brand-700 underline">{app.name}</a>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-slate-600">This address is yours alone: anyone who has it can listen as you. If you shared it by mistake, reset it on your account page.</p>
    </div>
  );
}
