/** Starts the three contenders as child processes, so that each has its own CPU time and memory to measure. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Child {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, '..', '..');

/**
 * Runs a TypeScript file with node (tsx as a loader, so the pid is node's own), or a
 * compiled `.js` file as it is (compiledSamverkan.ts), production-like, and waits
 * for `LISTENING <url>` or Samverkan's banner.
 */
export function startChild(file: string, env: Record<string, string>, nodeArgs: string[] = [], cwd = root): Promise<Child> {
  // As deployed (Dockerfile): NODE_ENV=production (graphql-js then skips its development-mode checks) and no source maps.
  const loader = file.endsWith('.js') ? [] : ['--import', 'tsx', '--import', pathToFileURL(path.join(__dirname, 'productionLike.mjs')).href];
  const args = [...nodeArgs, ...loader, file];
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NODE_ENV: 'production', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    const stop = () =>
      new Promise<void>((done) => {
        stopping = true;
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      });
    let stopping = false;
    child.once('exit', (code, signal) => {
      reject(new Error(`${file} exited (${code}) before listening: ${stderr}`));
      // After it listened (resolve above is then settled): a contender that dies mid-run says why.
      if (!stopping) process.stderr.write(`[bench:api] ${file} exited (code ${code}, signal ${signal}) during the run; its last stderr:\n${stderr}\n`);
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /(?:LISTENING|listening on) (http:\/\/\S+)/.exec(out);
      if (match) resolve({ url: match[1].replace(/\/$/, '').replace(/\/graphql$/, '') + '/', process: child, stop });
    });
  });
}

/** VmRSS (resident now) of a process, in MB, from /proc. */
export function rssMb(pid: number): number {
  // NaN for a process that has gone (it crashed: startChild logs why), rather than ending the run.
  if (!fs.existsSync(`/proc/${pid}/status`)) return NaN;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
