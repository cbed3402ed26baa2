// Shared markup for the hosted pages: one accessible, phone-friendly layout and safe escaping.
import type Stripe from 'stripe';
import { formatMoney } from './objects';
import { TEST_CARDS } from './store';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = string | number | Html | null | undefined | false | Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (Array.isArray(part)) return part.map(render).join('');
  if (part instanceof Html) return part.value;
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < parts.length ? render(parts[i]) : ''), ''));
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f6f7f9}
.banner{margin:0;padding:.5rem 1rem;background:#fde68a;color:#1a1a1a;font-weight:600;text-align:center;border-bottom:1px solid #d6b656}
main{max-width:32rem;margin:1.5rem auto;padding:1.25rem;background:#fff;border:1px solid #d0d5dd;border-radius:.5rem}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 1rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input{width:100%;font:inherit;padding:.6rem .7rem;border:1px solid #667085;border-radius:.375rem;min-height:2.75rem}
input[aria-invalid=true]{border:2px solid #b42318}
.hint{color:#475467;font-size:.9rem;margin:.25rem 0 0}
.hint ul{margin:.25rem 0 0;padding-left:1.25rem}
button{font:inherit;font-weight:600;margin-top:1rem;padding:.65rem 1.1rem;min-height:2.75rem;border:0;border-radius:.375rem;background:#2e3a8c;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#2e3a8c;border:1px solid #2e3a8c}
a{color:#2e3a8c}
:focus-visible{outline:3px solid #1570ef;outline-offset:2px}
.error{color:#b42318;font-weight:600}
.alert{border:2px solid #b42318;border-radius:.375rem;padding:.75rem;margin:0 0 1rem;color:#b42318;font-weight:600}
.status{border:2px solid #067647;border-radius:.375rem;padding:.75rem;margin:0 0 1rem;color:#067647;font-weight:600}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin-top:1.5rem}
section{border-top:1px solid #eaecf0;margin-top:1rem}
@media (max-width:36rem){main{margin:0;border:0;border-radius:0}}
`;

export function page(title: string, body: Html): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Stripe emulator</title>
<style>${STYLE}</style>
</head>
<body>
<p class="banner">Stripe emulator: test mode, no real payments</p>
<main>
${body.value}
</main>
</body>
</html>
`;
}

export function testCardHint(id: string): Html {
  return html`<div class="hint" id="${id}">Test cards:
<ul>
<li>${groupCard(TEST_CARDS.success)}: succeeds</li>
<li>${groupCard(TEST_CARDS.decline)}: declined</li>
<li>${groupCard(TEST_CARDS.failsOnRenewal)}: succeeds now, fails on renewal</li>
</ul></div>`;
}

export function groupCard(number: string): string {
  return number.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export function formatDate(unix: number): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(unix * 1000));
}

export function describePrice(price: Stripe.Price): string {
  const amount = formatMoney(price.unit_amount ?? 0, price.currency);
  return price.recurring ? `${amount} per ${price.recurring.interval}` : amount;
}

/** A text input with its label, hint and error wired up for screen readers. */
export function field(options: {
  id: string;
  name: string;
  label: string;
  type?: string;
  value?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: string;
  hint?: Html;
  hintId?: string;
  error?: string;
}): Html {
  const described = [options.hint ? options.hintId : null, options.error ? `${options.id}-error` : null].filter(Boolean).join(' ');
  return html`<label for="${options.id}">${options.label}</label>
${options.hint ?? ''}
${options.error ? html`<p class="error" id="${options.id}-error">${options.error}</p>` : ''}
<input id="${options.id}" name="${options.name}" type="${options.type ?? 'text'}" value="${options.value ?? ''}"${new Html(
    [
      options.required ? ' required' : '',
      options.autocomplete ? ` autocomplete="${escapeHtml(options.autocomplete)}"` : '',
      options.inputmode ? ` inputmode="${escapeHtml(options.inputmode)}"` : '',
      described ? ` aria-describedby="${escapeHtml(described)}"` : '',
      options.error ? ' aria-invalid="true"' : '',
    ].join(''),
  )}>`;
}
