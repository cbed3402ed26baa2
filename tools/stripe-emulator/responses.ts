// Shaping API responses: `expand[]` and cursor pagination, with Stripe's rules and errors.
import type Stripe from 'stripe';
import { ApiError } from './errors';
import { list } from './objects';
import type { Params } from './params';
import type { Store } from './store';

const MAX_EXPAND_DEPTH = 4;

/**
 * Replaces ids with full objects along each dotted path (`customer`, `latest_invoice`,
 * `data.product`, `items.data.price.product`). Returns a copy: stored objects keep their ids.
 */
export function expand<T>(store: Store, value: T, paths: string[]): T {
  let out: unknown = value;
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length > MAX_EXPAND_DEPTH) throw new ApiError(400, `You cannot expand more than ${MAX_EXPAND_DEPTH} levels of a property. Property: ${path}`, { param: 'expand' });
    out = expandPath(store, out, segments, path);
  }
  return out as T;
}

function expandPath(store: Store, value: unknown, segments: string[], fullPath: string): unknown {
  if (segments.length === 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((entry) => expandPath(store, entry, segments, fullPath));
  const [head, ...rest] = segments;
  const source = value as Record<string, unknown>;
  if (!(head in source)) throw cannotExpand(fullPath);
  let child = source[head];
  const resolve = (id: unknown): unknown => {
    if (typeof id !== 'string') return id;
    const found = store.findAny(id);
    if (!found) throw cannotExpand(fullPath);
    return structuredClone(found);
  };
  // The last segment must name an id (or a list of ids, like `discounts`); earlier ones may be objects.
  if (rest.length === 0) {
    if (child !== null && typeof child === 'object' && !Array.isArray(child)) return value;
    child = Array.isArray(child) ? child.map(resolve) : resolve(child);
  } else if (typeof child === 'string') {
    child = resolve(child);
  }
  return { ...source, [head]: expandPath(store, child, rest, fullPath) };
}

function cannotExpand(path: string): ApiError {
  return new ApiError(400, `This property cannot be expanded (${path}).`, { param: 'expand' });
}

/** Stripe's cursor pagination over items sorted newest first. */
export function paginate<T extends { id: string }>(items: T[], params: Params, url: string): Stripe.ApiList<T> {
  const limit = params.int('limit', { min: 1, max: 100 }) ?? 10;
  const startingAfter = params.str('starting_after');
  const endingBefore = params.str('ending_before');
  if (startingAfter && endingBefore) throw new ApiError(400, 'You may only specify one of these parameters: ending_before, starting_after.', { param: 'ending_before' });
  const indexOf = (id: string, param: string) => {
    const index = items.findIndex((item) => item.id === id);
    if (index === -1) throw new ApiError(404, `No such object: '${id}'`, { code: 'resource_missing', param });
    return index;
  };
  if (startingAfter) {
    const rest = items.slice(indexOf(startingAfter, 'starting_after') + 1);
    return list(rest.slice(0, limit), url, rest.length > limit);
  }
  if (endingBefore) {
    const before = items.slice(0, indexOf(endingBefore, 'ending_before'));
    return list(before.slice(-limit), url, before.length > limit);
  }
  return list(items.slice(0, limit), url, items.length > limit);
}

/** Newest first; insertion order breaks ties between objects created in the same second. */
export function newestFirst<T extends { created: number }>(items: T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.created - a.item.created || b.index - a.index)
    .map(({ item }) => item);
}
