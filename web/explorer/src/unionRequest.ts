/**
 * A scope's union request (GET /exports/network-union.json), and the first one's
 * hand-off: boot.ts, a small script of its own that runs before the bundle has been
 * compiled, sends the request of the URL's scope at once, and the page's UnionCache
 * takes its answer (takeFirstUnion) instead of asking again.
 */
import { jsonOf, sendGet } from './api';
import { today } from './dates';
import { scopeParameters } from './exports';
import type { UnionColumns } from '../../../src/visualisation/unionColumnsShape';
import { scopeOf, type ViewState } from './viewState';

/** The union's request for a scope: its key leaves out the date, unless the date runs past today (then the union is widened to it). */
export function unionRequest(state: ViewState, asOf: string): { key: string; url: string } {
  const { asOf: _date, ...scope } = scopeOf(state, asOf);
  return { key: JSON.stringify([scope, asOf > today() ? asOf : null]), url: `/exports/network-union.json?${scopeParameters(state, asOf).toString()}` };
}

/** The page asks with provisional positions allowed: a scope not laid out yet is drawn at the layout's start, then moved (UnionCache.settled). */
const provisional = (url: string) => `${url}&provisional=1`;

/** A scope's union as the page first asks for it; `sent`: that request already on its way (boot.ts's). */
export const fetchColumns = (url: string, sent: Promise<Response> | null = null): Promise<UnionColumns> => jsonOf<UnionColumns>(sent ?? sendGet(provisional(url)));

interface FirstUnion {
  key: string;
  /** The response, not its body: an ApiError made by boot.js's copy of api.ts would not be this bundle's (instanceof). */
  response: Promise<Response>;
}

const HANDOFF = '__samverkanFirstUnion';
type WithHandoff = typeof globalThis & { [HANDOFF]?: FirstUnion };

/** boot.ts: sends the first union's request and leaves the response for the page (which reads it, or its failure, as its own). */
export function sendFirstUnion(key: string, url: string): void {
  const response = sendGet(provisional(url));
  // A network failure is met again, and retried, when the page reads it.
  response.catch(() => undefined);
  (globalThis as WithHandoff)[HANDOFF] = { key, response };
}

/** The first union's response boot.ts asked for, once, when its key is this one (null otherwise: the page asks itself). */
export function takeFirstUnion(key: string): Promise<Response> | null {
  const scope = globalThis as WithHandoff;
  const first = scope[HANDOFF];
  delete scope[HANDOFF];
  return first && first.key === key ? first.response : null;
}
