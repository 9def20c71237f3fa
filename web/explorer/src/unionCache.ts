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
   * A union first answered with provisional positions (a scope not yet laid out on
   * the current data): the same union once laid out. The service computes the layout
   * when asked (and the request waits for it), so the page asks once its provisional
   * picture is on screen: the layout's CPU does not slow the drawing when the
   * browser and the service share a machine. The settled union then replaces the
   * provisional one in the cache, and is kept while the scope is (asked once).
   */
  settled(key: string, url: string): Promise<NetworkPayload> {
    const asked = this.settling.get(key);
    if (asked) return asked;
    const settled = getJson<UnionColumns>(url).then(payloadOfColumns);
    this.settling.set(key, settled);
    settled.then(
      () => {
        if (this.networks.has(key)) this.networks.set(key, settled);
      },
      () => this.settling.delete(key),
    );
    return settled;
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
      entry = fetchColumns(url, sent).then(payloadOfColumns);
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

  clear(): void {
    this.networks.clear();
    this.settling.clear();
  }
}
