import path from 'node:path';

/**
 * Where the bundled explorer lives: dist/explorer under the repository root, found
 * from this file whether it runs as TypeScript (src/explorer) or compiled (dist/src/explorer).
 */
export function explorerBuildDir(): string {
  const up = path.resolve(__dirname, '..', '..');
  return path.basename(up) === 'dist' ? path.join(up, 'explorer') : path.join(up, 'dist', 'explorer');
}
