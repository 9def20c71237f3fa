/**
 * Bundles the browser explorer (web/explorer) with esbuild into dist/explorer:
 * boot.js (the first union's request, sent before the bundle is compiled: src/boot.ts),
 * explorer.js (sigma and graphology included, nothing fetched at run time),
 * explorer.css and index.html. `--watch` rebuilds on change.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { explorerBuildDir } from '../src/explorer/explorerFiles';

const SOURCE = path.resolve(__dirname, '..', 'web', 'explorer');

const copyStatic: esbuild.Plugin = {
  name: 'copy-static',
  setup(build) {
    build.onEnd(() => {
      for (const file of ['index.html', 'explorer.css', 'favicon.svg']) fs.copyFileSync(path.join(SOURCE, file), path.join(explorerBuildDir(), file));
    });
  },
};

export async function buildExplorer(options: { watch?: boolean } = {}): Promise<void> {
  const outdir = explorerBuildDir();
  fs.mkdirSync(outdir, { recursive: true });
  const config: esbuild.BuildOptions = {
    entryPoints: { boot: path.join(SOURCE, 'src', 'boot.ts'), explorer: path.join(SOURCE, 'src', 'main.ts') },
    outdir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022'],
    minify: !options.watch,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
    tsconfig: path.join(SOURCE, 'tsconfig.json'),
    plugins: [copyStatic],
  };
  if (options.watch) {
    const context = await esbuild.context(config);
    await context.watch();
    process.stdout.write(`explorer: watching web/explorer, writing ${outdir}\n`);
    return;
  }
  await esbuild.build(config);
}

if (require.main === module) {
  buildExplorer({ watch: process.argv.includes('--watch') }).catch((error: unknown) => {
    process.stderr.write(`explorer build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
