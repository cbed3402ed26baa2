// Stripe's wire format: application/x-www-form-urlencoded with bracketed keys, e.g.
// `line_items[0][price]=price_x&expand[]=subscription&metadata[user_id]=7`.
// The SDK sends indexed arrays (`expand[0]=x`); curl users often send `expand[]=x`. Both parse to arrays.
import { ApiError } from './errors';

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

const MAX_DEPTH = 6;
// Never let a request body write to an object's prototype.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function splitKey(key: string): string[] {
  const first = key.indexOf('[');
  if (first <= 0) return [key];
  const segments = [key.slice(0, first)];
  const rest = key.slice(first);
  const pattern = /\[([^\]]*)\]/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(rest)) !== null) {
    segments.push(match[1]);
    consumed = pattern.lastIndex;
  }
  if (consumed !== rest.length) invalid(key);
  return segments;
}

function invalid(key: string): never {
  throw new ApiError(400, `Invalid parameter name: ${key}`, { code: 'parameter_invalid_empty', param: key });
}

type Tree = { [key: string]: Tree | string };

function insert(root: Tree, key: string, value: string): void {
  const segments = splitKey(key);
  if (segments.length > MAX_DEPTH) invalid(key);
  let node = root;
  segments.forEach((raw, index) => {
    if (FORBIDDEN_KEYS.has(raw)) invalid(key);
    // `a[]` appends: give the value the next free index.
    const segment = raw === '' ? String(Object.keys(node).length) : raw;
    const last = index === segments.length - 1;
    const existing = node[segment];
    if (last) {
      if (typeof existing === 'object') invalid(key);
      node[segment] = value;
      return;
    }
    if (typeof existing === 'string') invalid(key);
    if (existing === undefined) node[segment] = {};
    node = node[segment] as Tree;
  });
}

// Objects whose keys are all indexes become arrays, ordered by index (Stripe does the same).
function finish(node: Tree | string): FormValue {
  if (typeof node === 'string') return node;
  const keys = Object.keys(node);
  const children = Object.fromEntries(keys.map((k) => [k, finish(node[k])]));
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => children[k]);
  }
  return children;
}

export function parseForm(body: string): FormObject {
  const root: Tree = {};
  for (const [key, value] of new URLSearchParams(body)) {
    if (key === '') continue;
    insert(root, key, value);
  }
  // The top level is always an object, even if every key is numeric.
  return Object.fromEntries(Object.entries(root).map(([k, v]) => [k, finish(v)]));
}
