/**
 * Embedded Neo4j for development and tests: Neo4j Community 5.26 with Graph Data
 * Science and APOC, running in a child JVM (neo4j-launcher/, a small Maven project)
 * and reached over Bolt on 127.0.0.1 like any other server.
 *
 * Lifecycle guarantees (no orphan JVM, store lock always released):
 *  - `stop()` sends SIGTERM (the JVM's shutdown hook checkpoints and closes the store),
 *    waits up to 30 s, then SIGKILL.
 *  - If this process exits without calling stop(), an 'exit' handler sends SIGTERM.
 *  - If this process dies hard (SIGKILL, crash), the child's stdin pipe closes; the
 *    launcher watches stdin and shuts down on EOF.
 *
 * After start the child and its pipes are unref'd: a running database does not by
 * itself keep Node alive, so a script or test that forgets stop() still exits (and
 * the 'exit' handler then stops the JVM).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import neo4j from 'neo4j-driver';
import { ensureLauncherBuilt } from './launcherBuild';
import { checkJavaToolchain } from './javaToolchain';

export interface EmbeddedNeo4jOptions {
  /** Where the store lives (created if missing). Neo4j's debug.log goes to <dataDir>/logs. */
  dataDir: string;
  /** Bolt port on 127.0.0.1; 0 (the default) picks a free port. */
  boltPort?: number;
  /** JVM heap (-Xms and -Xmx), e.g. '1g' (the default). */
  heap?: string;
  /** Neo4j page cache (off-heap), e.g. '256m' (the default). */
  pageCache?: string;
  /** The Maven launcher project; defaults to <repo>/neo4j-launcher. */
  launcherDir?: string;
  /** Receives build output and the JVM's stderr, one line at a time. */
  log?: (line: string) => void;
}

export interface EmbeddedNeo4j {
  /** bolt://127.0.0.1:<port>, no authentication. */
  uri: string;
  /** The Bolt port it listens on (the one picked, when 0 was asked for): a restart reuses it. */
  boltPort: number;
  /** The JVM's process id. */
  pid: number;
  /**
   * Called once if the JVM exits without stop() having been called: a crash, an
   * OutOfMemoryError (-XX:+ExitOnOutOfMemoryError), a kill.
   */
  onUnexpectedExit(listener: (exit: { code: number | null; signal: NodeJS.Signals | null }) => void): void;
  /** Shuts the database down and waits for the JVM to exit. Safe to call more than once. */
  stop(): Promise<void>;
}

const READY_PREFIX = 'SAMVERKAN_NEO4J_READY ';
const FAILED_PREFIX = 'SAMVERKAN_NEO4J_FAILED ';
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;
const STDERR_TAIL_LINES = 60;


/** Starts Neo4j in a child JVM and resolves once Bolt answers. */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? (() => undefined);
  const launcherDir = path.resolve(options.launcherDir ?? defaultLauncherDir());
  const dataDir = path.resolve(options.dataDir);
  const heap = options.heap ?? '1g';
  const pageCache = options.pageCache ?? '256m';
  const boltPort = options.boltPort ?? 0;
  if (!/^\d+[kmgKMG]?$/.test(heap)) throw new Error(`heap must look like 512m or 2g, got "${heap}"`);
  if (!/^\d+[kmgKMG]?$/.test(pageCache)) throw new Error(`pageCache must look like 256m or 1g, got "${pageCache}"`);
  if (!Number.isInteger(boltPort) || boltPort < 0 || boltPort > 65535) {
    throw new Error(`boltPort must be 0..65535, got ${boltPort}`);
  }

  const toolchain = checkJavaToolchain();
  if (!toolchain.ok) throw new Error(toolchain.message);

  await ensureLauncherBuilt(launcherDir, log);
  fs.mkdirSync(dataDir, { recursive: true });

  const classpath = fs.readFileSync(path.join(launcherDir, 'target', 'classpath.txt'), 'utf8').trim();
  const javaArgs = [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:ActiveProcessorCount=2',
    // A JVM that ran out of heap is no use to us: die so the parent sees it.
    '-XX:+ExitOnOutOfMemoryError',
    // What the neo4j server script passes too: lets the page cache and Netty use
    // direct buffers without the "fallback mode" warning.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    // Also from the server's defaults: bound the JDK's per-thread NIO buffer cache, and no
    // log4j JMX beans (Neo4j logs through log4j).
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dlog4j2.disable.jmx=true',
    '-cp',
    `${path.join(launcherDir, 'target', 'classes')}${path.delimiter}${classpath}`,
    'se.samverkan.launcher.Launcher',
    '--data-dir',
    dataDir,
    '--bolt-port',
    String(boltPort),
    '--page-cache',
    pageCache,
    '--plugins-dir',
    path.join(launcherDir, 'target', 'plugins'),
  ];

  const child = spawn('java', javaArgs, { cwd: launcherDir, stdio: ['pipe', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) {
    const error = await new Promise<Error>((resolve) => child.once('error', resolve));
    throw new Error(`could not start java: ${error.message}`);
  }
  // The stdin pipe stays open for the child's whole life; EOF is its signal to stop.
  child.stdin?.on('error', () => undefined);

  const stderrTail: string[] = [];
  let failure: string | undefined;
  readline.createInterface({ input: child.stderr! }).on('line', (line) => {
    if (line.startsWith(FAILED_PREFIX)) failure = line.slice(FAILED_PREFIX.length);
    stderrTail.push(line);
    if (stderrTail.length > STDERR_TAIL_LINES) stderrTail.shift();
    log(line);
  });

  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const onParentExit = (): void => {
    // 'exit' handlers must be synchronous: send SIGTERM and let the JVM shut down on its
    // own (it also sees stdin close as we go away).
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', onParentExit);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timedOut = await raceTimeout(exited, STOP_TIMEOUT_MS);
        if (timedOut) {
          log(`embedded neo4j: pid ${pid} did not exit within ${STOP_TIMEOUT_MS / 1000} s, sending SIGKILL`);
          child.kill('SIGKILL');
          await exited;
        }
      }
      child.stdin?.destroy();
      process.removeListener('exit', onParentExit);
    })();
    return stopping;
  };

  const describe = (what: string): Error =>
    new Error(
      `embedded neo4j ${what}${failure ? `: ${failure}` : ''}.\n` +
        `Data dir: ${dataDir} (Neo4j's own log: ${path.join(dataDir, 'logs', 'debug.log')})\n` +
        `Last JVM stderr lines:\n${stderrTail.join('\n') || '(none)'}`,
    );

  let uri: string;
  try {
    uri = await waitForReady(child, exited, describe);
  } catch (error) {
    await stop();
    throw error;
  }

  // Authentication is disabled in the launcher, so no auth token.
  const driver = neo4j.driver(uri);
  try {
    await driver.verifyConnectivity();
  } catch (error) {
    await stop();
    throw describe(`printed READY but Bolt did not answer at ${uri}: ${(error as Error).message}`);
  } finally {
    await driver.close();
  }

  const exitListeners: Array<(exit: { code: number | null; signal: NodeJS.Signals | null }) => void> = [];
  void exited.then(() => {
    process.removeListener('exit', onParentExit);
    if (stopping) return;
    for (const listener of exitListeners) listener({ code: child.exitCode, signal: child.signalCode });
  });

  // From here on the JVM must not keep this process alive by itself (see the top comment).
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    unrefStream(stream);
  }
  return {
    uri,
    boltPort: Number(new URL(uri).port),
    pid,
    stop,
    onUnexpectedExit: (listener) => {
      exitListeners.push(listener);
    },
  };
}

function waitForReady(
  child: ChildProcess,
  exited: Promise<void>,
  describe: (what: string) => Error,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const stdout = readline.createInterface({ input: child.stdout! });
    let settled = false;
    const finish = (result: { uri: string } | { error: Error }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if ('uri' in result) resolve(result.uri);
      else reject(result.error);
    };
    const timer = setTimeout(
      () => finish({ error: describe(`did not become ready within ${READY_TIMEOUT_MS / 1000} s`) }),
      READY_TIMEOUT_MS,
    );
    stdout.on('line', (line) => {
      if (line.startsWith(READY_PREFIX)) finish({ uri: line.slice(READY_PREFIX.length).trim() });
    });
    child.once('error', (error) => finish({ error: describe(`failed to run: ${error.message}`) }));
    void exited.then(() =>
      // Give readline a tick to deliver the last stderr lines before we quote them.
      setImmediate(() =>
        finish({ error: describe(`exited (code ${child.exitCode}, signal ${child.signalCode}) before it was ready`) }),
      ),
    );
  });
}

async function raceTimeout(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), ms);
  });
  try {
    return await Promise.race([promise.then(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function unrefStream(stream: unknown): void {
  if (stream !== null && typeof stream === 'object' && 'unref' in stream) {
    const unref = (stream as { unref: unknown }).unref;
    if (typeof unref === 'function') unref.call(stream);
  }
}

/** <repo>/neo4j-launcher, found by walking up from this file (works from src/ and dist/src/). */
function defaultLauncherDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'neo4j-launcher');
    if (fs.existsSync(path.join(candidate, 'pom.xml'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return path.join(process.cwd(), 'neo4j-launcher');
    dir = parent;
  }
}
