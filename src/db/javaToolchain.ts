import { spawnSync } from 'node:child_process';
import { INSTALL_HINT } from './launcherBuild';

/** Is a JDK 17+ and Maven available to build and run the embedded Neo4j? */
export function checkJavaToolchain(): { ok: true } | { ok: false; message: string } {
  const problems: string[] = [];
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    problems.push('`java` was not found on PATH');
  } else {
    const major = parseJavaMajor(`${java.stderr}\n${java.stdout}`);
    if (major === undefined) {
      problems.push('could not read the version from `java -version`');
    } else if (major < 17) {
      problems.push(`\`java\` is version ${major}, but 17 or newer is needed`);
    }
  }
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    problems.push('`mvn` (Apache Maven) was not found on PATH');
  }
  if (problems.length === 0) return { ok: true };
  return {
    ok: false,
    message:
      `The embedded Neo4j needs a Java 17+ JDK and Maven 3.8+ (${problems.join('; ')}). ` +
      'Install them, e.g. on Debian/Ubuntu `apt-get install openjdk-17-jdk-headless maven`, ' +
      `or from your OS package manager. ${INSTALL_HINT}`,
  };
}

/** 'openjdk version "17.0.15" ...' -> 17; 'java version "1.8.0_292"' -> 8. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "([^"]+)"/.exec(versionOutput);
  if (!match) return undefined;
  const parts = match[1].split(/[.+_-]/);
  const first = Number(parts[0]);
  if (!Number.isInteger(first)) return undefined;
  return first === 1 ? Number(parts[1]) : first;
}
