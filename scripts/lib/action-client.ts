// Calling the app's server actions over HTTP as the page's own JavaScript does, for the
// benchmarks and the fleet workload: the action's id as the browser finds it in the page's
// client chunks, the arguments in React's own encoding (from the copy Next.js ships), the
// session cookie, and the result read back from the RSC answer.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { encodeReply } = require('next/dist/compiled/react-server-dom-turbopack/client.node') as { encodeReply: (value: unknown) => Promise<FormData | string> };

/**
 * The id of server action `name`, from the client chunks of `pagePath` as `cookie` sees it
 * (`createServerReference("<id>", …, "<name>")`).
 */
export async function findActionId(origin: string, pagePath: string, cookie: string, name: string, headers: Record<string, string> = {}): Promise<string> {
  const html = await (await fetch(`${origin}${pagePath}`, { headers: { ...headers, Cookie: cookie } })).text();
  const chunks = [...new Set(html.match(/\/_next\/static\/chunks\/[\w.~-]+\.js/g) ?? [])].slice(0, 80);
  const pattern = new RegExp(`createServerReference\\)?\\(\\s*"([0-9a-f]{20,})",[^()]*?"${name}"\\)`);
  for (const chunk of chunks) {
    const id = pattern.exec(await (await fetch(`${origin}${chunk}`)).text())?.[1];
    if (id) return id;
  }
  throw new Error(`None of the ${chunks.length} client chunks of ${pagePath} calls the server action ${name}`);
}

export interface ActionCall {
  origin: string;
  /** The page the form is on (the action is posted to it). */
  pagePath: string;
  actionId: string;
  cookie: string;
  fields: Record<string, string>;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export interface ActionAnswer {
  status: number;
  /** The RSC answer's text: the action's result is in it as JSON. */
  body: string;
}

/** Posts a form to a `useActionState` action: (previous state, FormData), as the browser does. */
export async function callFormAction(call: ActionCall): Promise<ActionAnswer> {
  const form = new FormData();
  for (const [name, value] of Object.entries(call.fields)) form.set(name, value);
  const response = await fetch(`${call.origin}${call.pagePath}`, {
    method: 'POST',
    headers: { ...call.headers, 'Next-Action': call.actionId, Accept: 'text/x-component', Origin: call.origin, Cookie: call.cookie },
    body: await encodeReply([{ status: 'idle' }, form]),
    signal: AbortSignal.timeout(call.timeoutMs ?? 30_000),
  });
  return { status: response.status, body: await response.text() };
}

/** The action result's status in an RSC answer ("success", "error"), or null when there is none. */
export function resultStatus(body: string): string | null {
  return /"status":"(success|error)"/.exec(body)?.[1] ?? null;
}
