/**
 * Building the embedded Neo4j's launcher (neo4j-launcher/, `mvn package`) only
 * when its outputs are missing or stale; a cross-process lock keeps parallel test
 * workers from building at once.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

const BUILD_TIMEOUT_MS = 30 * 60_000; // the first build downloads ~350 jars into ~/.m2
const OUTPUT_TAIL_LINES = 60;
const BUILD_STAMP = '.samverkan-build-stamp';

export const INSTALL_HINT =
  'Alternatives: set NEO4J_URI (and NEO4J_USERNAME/NEO4J_PASSWORD) to an external Neo4j 5.26 with GDS and APOC, ' +
  'or start one with `docker compose up`.';

const builds = new Map<string, Promise<void>>();

export function ensureLauncherBuilt(launcherDir: string, log: (line: string) => void): Promise<void> {
  let build = builds.get(launcherDir);
  if (!build) {
    build = buildIfStale(launcherDir, log).finally(() => builds.delete(launcherDir));
    builds.set(launcherDir, build);
  }
  return build;
}

/** Newest mtime of pom.xml and the Java sources. */
function newestSourceMtime(launcherDir: string): number {
  let newest = fs.statSync(path.join(launcherDir, 'pom.xml')).mtimeMs;
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  walk(path.join(launcherDir, 'src', 'main'));
  return newest;
}

function isStale(launcherDir: string): string | undefined {
  const target = path.join(launcherDir, 'target');
  const stamp = path.join(target, BUILD_STAMP);
  const required = [
    stamp,
    path.join(target, 'classpath.txt'),
    path.join(target, 'classes', 'se', 'samverkan', 'launcher', 'Launcher.class'),
    path.join(target, 'plugins'),
  ];
  const missing = required.find((file) => !fs.existsSync(file));
  if (missing) return `${path.relative(launcherDir, missing)} is missing`;
  if (fs.statSync(stamp).mtimeMs < newestSourceMtime(launcherDir)) return 'pom.xml or a Java source changed';
  // A cleaned ~/.m2 leaves classpath.txt pointing at nothing.
  const entries = fs.readFileSync(path.join(target, 'classpath.txt'), 'utf8').trim().split(path.delimiter);
  const gone = entries.find((entry) => entry !== '' && !fs.existsSync(entry));
  if (gone) return `${gone} is no longer in the local Maven repository`;
  return undefined;
}

async function buildIfStale(launcherDir: string, log: (line: string) => void): Promise<void> {
  if (!fs.existsSync(path.join(launcherDir, 'pom.xml'))) {
    throw new Error(`no neo4j-launcher project at ${launcherDir} (pom.xml missing)`);
  }
  if (!isStale(launcherDir)) return;
  const release = await acquireBuildLock(launcherDir, log);
  try {
    // Another process may have built it while we waited for the lock.
    const reason = isStale(launcherDir);
    if (!reason) return;
    log(`embedded neo4j: building ${launcherDir} (${reason}); the first build downloads ~350 jars`);
    const started = Date.now();
    await runMaven(launcherDir, log);
    fs.writeFileSync(path.join(launcherDir, 'target', BUILD_STAMP), new Date().toISOString() + '\n');
    log(`embedded neo4j: launcher built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    release();
  }
}

function runMaven(launcherDir: string, log: (line: string) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const mvn = spawn('mvn', ['-q', '-B', '-Dstyle.color=never', 'package', '-DskipTests'], {
      cwd: launcherDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    const onLine = (line: string): void => {
      // Maven 3.8 prints stray colour resets even in batch mode.
      const clean = line.replace(/\u001b\[[0-9;]*m/g, '');
      if (clean.trim() === '') return;
      tail.push(clean);
      if (tail.length > OUTPUT_TAIL_LINES) tail.shift();
      log(clean);
    };
    readline.createInterface({ input: mvn.stdout }).on('line', onLine);
    readline.createInterface({ input: mvn.stderr }).on('line', onLine);
    const timer = setTimeout(() => mvn.kill('SIGKILL'), BUILD_TIMEOUT_MS);
    mvn.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not run mvn: ${error.message}. ${INSTALL_HINT}`));
    });
    mvn.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else {
        reject(
          new Error(
            `building neo4j-launcher failed (mvn exit ${code ?? signal}).\n${tail.join('\n')}\n` +
              `Run \`cd ${launcherDir} && mvn -B package\` to see the full output. ${INSTALL_HINT}`,
          ),
        );
      }
    });
  });
}

/** A cross-process lock (mkdir is atomic) so parallel test workers don't build at once. */
async function acquireBuildLock(launcherDir: string, log: (line: string) => void): Promise<() => void> {
  fs.mkdirSync(path.join(launcherDir, 'target'), { recursive: true });
  const lockDir = path.join(launcherDir, 'target', '.build-lock');
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return () => fs.rmSync(lockDir, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (lockHolderIsGone(lockDir)) {
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${lockDir}`);
    if (!announced) {
      log(`embedded neo4j: waiting for another process to finish building the launcher (${lockDir})`);
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function lockHolderIsGone(lockDir: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
  } catch {
    // Just created, pid not written yet, unless it is old.
    try {
      return Date.now() - fs.statSync(lockDir).mtimeMs > 60_000;
    } catch {
      return true;
    }
  }
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
