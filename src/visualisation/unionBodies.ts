/**
 * The explorer's union bodies (GET /exports/network-union.json), kept as sent. A
 * warm request used to cost the service some 0.4–0.65 s on a 10k-actor district
 * for a union it already held: the cached analysis copied and masked for the
 * caller, the layout's positions joined, citizens named, the columns built and
 * 2.8 MB of JSON written. The body depends only on the graph version, the request
 * and who asks, so it is kept under exactly those: a later request from the same
 * caller on the same version is a lookup.
 *
 * The caller's part of the key is the whole principal (id, kind, role and
 * organisations: what citizens' names and small cells it may see) and the
 * small-cell threshold, so one caller's body never answers another, whatever
 * their roles. The day is in the key too (an open layout period ends today). A
 * body is kept only when no write came in while it was computed, and the bodies of
 * other versions go at the first one of a new version; a byte budget bounds the rest.
 */
import type { Context } from '../context';
import type { NetworkRequest } from './networkService';

/** About five 10k-actor districts' unions (2.8 MB each as JSON, two bytes a character in memory). */
export const UNION_BODY_BUDGET_CHARS = 8_000_000;

export function unionBodyKey(version: string, request: NetworkRequest, ctx: Pick<Context, 'principal' | 'suppressionK' | 'now'>): string {
  const { id, via, role, organisations } = ctx.principal;
  return JSON.stringify([version, ctx.now.toISOString().slice(0, 10), { id, via, role, organisations: [...organisations].sort(), k: ctx.suppressionK }, request]);
}

export class UnionBodies {
  /** By key, least recently used first. */
  private readonly bodies = new Map<string, { version: string; body: string }>();
  private chars = 0;

  constructor(private readonly budgetChars = UNION_BODY_BUDGET_CHARS) {}

  get(key: string): string | undefined {
    const entry = this.bodies.get(key);
    if (!entry) return undefined;
    this.bodies.delete(key);
    this.bodies.set(key, entry);
    return entry.body;
  }

  set(key: string, version: string, body: string): void {
    if (body.length > this.budgetChars) return;
    for (const [other, entry] of this.bodies) if (other === key || entry.version !== version) this.drop(other);
    this.bodies.set(key, { version, body });
    this.chars += body.length;
    for (const oldest of this.bodies.keys()) {
      if (this.chars <= this.budgetChars) break;
      this.drop(oldest);
    }
  }

  /** Forgets every body (bench/explorer.ts: a restart, or a caller's first request measured). */
  clear(): void {
    this.bodies.clear();
    this.chars = 0;
  }

  get size(): number {
    return this.bodies.size;
  }

  private drop(key: string): void {
    const entry = this.bodies.get(key);
    if (!entry) return;
    this.chars -= entry.body.length;
    this.bodies.delete(key);
  }
}
