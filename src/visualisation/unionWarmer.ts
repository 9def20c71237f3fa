/**
 * Keeps the explorer's recent unions warm. A visitor's first picture of a large
 * district waits for the union and its ForceAtlas2 layout (seconds on a
 * 10k-actor district) whenever nothing is cached: after a restart, and after
 * every write (a new graph version). The warmer remembers the last few unions
 * asked for (GET /exports/network-union.json) and computes them again in the
 * background, as the system, when the graph version changes and once at
 * startup; a visitor then finds them in the analytics cache, or joins the
 * computation under way instead of starting one. It keeps the requests and the
 * scopes' latest layouts (layoutMemory.ts) in a folder next to the database, so
 * after a restart an unchanged graph version reuses its layout as it was and a
 * changed one refines it (layoutReuse.ts) instead of a full run.
 *
 * The folder holds actor ids and positions, nothing else; it is rewritten after
 * every round, so after an erasure (the cache, and with it the layout memory,
 * cleared; a new graph version) the next round drops the erased actor's place.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { SYSTEM_PRINCIPAL, type Principal } from '../auth/principal';
import { DEFAULT_WARM_UNIONS, type Config } from '../config';
import type { Context } from '../context';
import type { Logger } from '../logger';
import type { Position } from './forceAtlas2Layout';
import { layoutMemoryOf } from './layoutMemory';
import { loadNetwork, type NetworkRequest } from './networkService';

/** How often the graph version is looked at (a cached read, see GraphVersionClock) by default. */
export const DEFAULT_WARM_INTERVAL_MS = 2_000;
/** How long a union asked on the current graph version is left to its visitor (see UnionWarmer.remember). */
export const DEFAULT_VISITOR_GRACE_MS = 10_000;

export interface UnionWarmerOptions {
  /** A context of the system principal (the warm-up reads as no caller; each caller's view is applied when served). */
  context: () => Promise<Context>;
  logger: Logger;
  /** The folder for the requests and layouts; null keeps them in memory only (then a restart starts cold). */
  dir: string | null;
  intervalMs?: number;
  maxUnions?: number;
  visitorGraceMs?: number;
}

interface StoredLayout {
  key: string;
  version: string;
  /** [id, x, y] per actor. */
  positions: Array<[string, number, number]>;
}

const UNIONS_FILE = 'unions.json';
const LAYOUTS_FILE = 'layouts.json';

export class UnionWarmer {
  private readonly unions = new Map<string, NetworkRequest>();
  /** The graph version each union was last asked on by a visitor, and when (see remember). */
  private readonly askedOn = new Map<string, { version: string; at: number }>();
  /** The graph version each union was last computed on by the warmer. */
  private readonly warmedOn = new Map<string, string>();
  /** An index has answered for some version: the service keeps one, so a round waits for it to be current. */
  private sawIndex = false;
  private round: Promise<void> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: UnionWarmerOptions) {}

  /**
   * A union a visitor asked for: kept warm from now on (the oldest forgotten past the
   * limit). `version`: the graph version it was asked on, which the warmer leaves to
   * the visitor for a while (visitorGraceMs): a provisional first picture asks for its
   * layout itself once drawn (networkService's LoadOptions), and a round started
   * meanwhile would compute the same layout during that drawing, on the same CPU.
   * Afterwards the warmer takes it (the layout then cached, or computed if the
   * visitor left) and keeps its layout on disk.
   */
  remember(request: NetworkRequest, version: string | null = null): void {
    const key = JSON.stringify(request);
    if (version === null) this.askedOn.delete(key);
    else this.askedOn.set(key, { version, at: Date.now() });
    const known = this.unions.has(key);
    this.unions.delete(key);
    this.unions.set(key, request);
    while (this.unions.size > (this.options.maxUnions ?? DEFAULT_WARM_UNIONS)) {
      const oldest = this.unions.keys().next().value as string;
      this.unions.delete(oldest);
      this.askedOn.delete(oldest);
      this.warmedOn.delete(oldest);
    }
    if (!known) void this.save();
  }

  /** Restores what the folder holds, warms it once, then follows the graph version. */
  async start(): Promise<void> {
    await this.restore();
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs ?? DEFAULT_WARM_INTERVAL_MS);
    this.timer.unref();
    void this.tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Resolves once no round is under way (the bench waits for it; tests too). */
  async idle(): Promise<void> {
    while (this.round) await this.round;
  }

  /** One look at the graph version; a round for the unions not computed on it, when nothing is under way. */
  async tick(): Promise<void> {
    if (this.round || this.unions.size === 0) return;
    this.round = (async () => {
      try {
        const ctx = await this.options.context();
        const version = await ctx.analytics.graphVersion();
        const due = [...this.unions].filter(([key]) => this.warmedOn.get(key) !== version);
        if (due.length === 0) return;
        // With a collaboration index, wait until it has caught up with the write: computed before, the union
        // would come from the slower statements, and a visitor arriving meanwhile would wait for that.
        const indexed = ctx.analytics.indexFor(version) !== null;
        if (indexed) this.sawIndex = true;
        else if (this.sawIndex) return;
        let warmed = 0;
        for (const [key, request] of due) {
          const asked = this.askedOn.get(key);
          if (asked?.version === version && Date.now() - asked.at < (this.options.visitorGraceMs ?? DEFAULT_VISITOR_GRACE_MS)) continue;
          await loadNetwork(ctx, request);
          this.warmedOn.set(key, version);
          warmed += 1;
        }
        if (warmed > 0) await this.save(ctx);
      } catch (error) {
        // A failed round (a scope gone, the database away) is tried again at the next look.
        this.options.logger.warn('explorer warm-up: a union could not be computed', { error: error instanceof Error ? error.message : String(error) });
      } finally {
        this.round = null;
      }
    })();
    await this.round;
  }

  private async restore(): Promise<void> {
    const { dir } = this.options;
    if (!dir) return;
    const unions = await readJson<NetworkRequest[]>(path.join(dir, UNIONS_FILE));
    for (const request of unions ?? []) this.unions.set(JSON.stringify(request), request);
    const layouts = await readJson<StoredLayout[]>(path.join(dir, LAYOUTS_FILE));
    if (!layouts) return;
    const memory = await layoutMemoryOf((await this.options.context()).analytics.cache);
    for (const layout of layouts) {
      memory.remember(layout.key, { version: layout.version, positions: new Map(layout.positions.map(([id, x, y]): [string, Position] => [id, { x, y }])) });
    }
  }

  /** Writes the requests, and with a context the layout memory, each to a temporary file renamed over the last. */
  private async save(ctx?: Context): Promise<void> {
    const { dir } = this.options;
    if (!dir) return;
    try {
      await fs.mkdir(dir, { recursive: true });
      await writeAtomically(path.join(dir, UNIONS_FILE), JSON.stringify([...this.unions.values()]));
      if (!ctx) return;
      const memory = await layoutMemoryOf(ctx.analytics.cache);
      const layouts: StoredLayout[] = memory.entries().map(([key, layout]) => ({ key, version: layout.version, positions: [...layout.positions].map(([id, p]) => [id, p.x, p.y]) }));
      await writeAtomically(path.join(dir, LAYOUTS_FILE), JSON.stringify(layouts));
    } catch (error) {
      this.options.logger.warn('explorer warm-up: could not keep the layouts on disk', { dir, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch {
    // Missing or unreadable: start without it (the layouts are computed again).
    return null;
  }
}

let writes = 0;

async function writeAtomically(file: string, text: string): Promise<void> {
  writes += 1;
  const temporary = `${file}.${process.pid}.${writes}.tmp`;
  await fs.writeFile(temporary, text);
  await fs.rename(temporary, file);
}

/**
 * The app's warmer: its folder `explorer-layouts` beside the embedded database's
 * data folder (none with an external Neo4j: memory only), reading as the system.
 */
export function appUnionWarmer(config: Pick<Config, 'database' | 'explorerWarmUnions'>, context: (principal: Principal) => Promise<Context>, logger: Logger): UnionWarmer {
  const dir = config.database.mode === 'embedded' ? path.join(path.dirname(config.database.dataDir), 'explorer-layouts') : null;
  return new UnionWarmer({ context: () => context(SYSTEM_PRINCIPAL), logger, dir, maxUnions: config.explorerWarmUnions });
}
