/**
 * Offline CDK synthesis for tests (DESIGN.md §8). aws-cdk-lib keeps a fingerprint cache under
 * `os.homedir()/.cdk/cache` and npx writes under $HOME, so both point at the gitignored .cache/cdk-home of this
 * repository; telemetry stays off.
 *
 * Setting process.env.HOME alone is not enough under jest: a test file sees a copy of the environment, so
 * `os.homedir()` (which reads the real one) would still answer the user's home. Hence the spy, active only while
 * `fn` runs (aws-cdk-lib reads the home directory when it first loads its cache module, during synthesis).
 * Child processes (npx esbuild) get the copied environment, which aws-cdk-lib passes on.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';

export const cdkHome = path.resolve(__dirname, '..', '.cache', 'cdk-home');

export function withOfflineCdkHome<T>(fn: () => T): T {
  mkdirSync(cdkHome, { recursive: true });
  const saved = { HOME: process.env.HOME, CDK_HOME: process.env.CDK_HOME };
  Object.assign(process.env, { HOME: cdkHome, CDK_HOME: cdkHome, CDK_DISABLE_CLI_TELEMETRY: '1' });
  const homedir = jest.spyOn(os, 'homedir').mockReturnValue(cdkHome);
  try {
    return fn();
  } finally {
    homedir.mockRestore();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
