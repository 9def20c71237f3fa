/**
 * The scopes' unions the page has fetched: each holds every date of its range,
 * so a slider step draws from it without a request.
 */
import { getJson } from './api';
import type { NetworkPayload } from './networkPayload';
import { payloadOfColumns } from './unionColumns';
import type { UnionColumns } from '../../../src/visualisation/unionColumnsShape';
import { fetchColumns, takeFirstUnion, unionRequest } from './unionRequest';
import type { ViewState } from './viewState';

/** A few scopes' unions (area and filters); a page session reads a stable past, so a few entries suffice. */
const NETWORK_CACHE_SIZE = 4;

export class UnionCache {
  private networks = new Map<string, Promise<NetworkPayload>>();
  /** The settled union of a scope first answered with provisional positions, by key (kept while the scope is). */
  private settling = new Map<string, Promise<NetworkPayload>>();

  /** One scope's union, from the cache when it is there; `signal` stops the wait, not the fetch. */
  get(key: string, url: string, signal: AbortSignal): Promise<NetworkPayload> {
    return Promise.race([this.entry(key, url), new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('superseded', 'AbortError'))))]);
  }

  /**
   * A union first answered with provisional positions (a scope not yet laid out on the current data):
   * the same union once the service's layout is done (it waits for it), which then
   * replaces the provisional one in the cache. Null when the key's union was not
   * provisional.
   */
  settled(key: string): Promise<NetworkPayload> | null {
    return this.settling.get(key) ?? null;
  }

  /**
   * Asks for a state's union now, before the page needs it (its first picture), or
   * takes the request boot.ts sent for it; a failure is met again when the page asks.
   */
  prefetch(state: ViewState, asOf: string): void {
    const { key, url } = unionRequest(state, asOf);
    this.entry(key, url, takeFirstUnion(key)).catch(() => undefined);
  }

  /** `sent`: the union's request already on its way (boot.ts's). */
  private entry(key: string, url: string, sent: Promise<Response> | null = null): Promise<NetworkPayload> {
    let entry = this.networks.get(key);
    if (!entry) {
      // Not tied to a caller's signal: a superseded request still fills the cache.
      entry = fetchColumns(url, sent).then(payloadOfColumns).then((payload) => {
        if (payload.provisional) this.settle(key, url);
        return payload;
      });
      entry.catch(() => this.networks.delete(key));
      this.networks.set(key, entry);
      if (this.networks.size > NETWORK_CACHE_SIZE) {
        const oldest = this.networks.keys().next().value as string;
        this.networks.delete(oldest);
        this.settling.delete(oldest);
      }
    }
    return entry;
  }

  /** Asks for the settled union (the service answers once the layout is done) and keeps it in the provisional one's place. */
  private settle(key: string, url: string): void {
    const settled = getJson<UnionColumns>(url).then(payloadOfColumns);
    this.settling.set(key, settled);
    settled.then(
      () => {
        if (this.networks.has(key)) this.networks.set(key, settled);
      },
      () => this.settling.delete(key),
    );
  }

  clear(): void {
    this.networks.clear();
    this.settling.clear();
  }
}
