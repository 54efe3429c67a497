/** Bundle sizes the way CDK builds them (esbuild, minified, @aws-sdk and layered modules external) and the weapp main package. */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { externalsFor } from '../infra/bundling';
import { type Domain, HANDLER_ENTRIES } from '../shared/http/route';

export const DOMAINS = Object.keys(HANDLER_ENTRIES) as Domain[];

export async function bundleSizes(root: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const domain of DOMAINS) {
    const result = await build({
      entryPoints: [join(root, 'functions', HANDLER_ENTRIES[domain])],
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      // As CDK builds them (infra/functions.ts): Chinese text as UTF-8, not \u escapes.
      charset: 'utf8',
      external: externalsFor(domain),
      write: false,
    });
    sizes[domain] = result.outputFiles.reduce((n, f) => n + f.contents.byteLength, 0) / 1024;
  }
  return sizes;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Everything in dist/weapp outside the subpackage roots is the main package WeChat counts against 2 MB. */
export function weappMainPackageKb(root: string): number | null {
  const dist = join(root, 'miniapp/dist/weapp');
  // Always a fresh build: a stale dist/ would measure yesterday's code.
  try {
    execSync('npm run build:weapp', { cwd: root, stdio: 'ignore' });
  } catch {
    return null;
  }
  if (!existsSync(join(dist, 'app.json'))) return null;
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) => p.root.replace(/\/?$/, '/'));
  const main = files(dist).filter((file) => {
    const rel = relative(dist, file);
    return !roots.some((r) => rel.startsWith(r)) && !rel.endsWith('.map');
  });
  return main.reduce((n, f) => n + statSync(f).size, 0) / 1024;
}
