import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import { Architecture, Code, LayerVersion, Runtime } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import { LAYERED_FILES, LAYERED_MODULES } from './bundling';

/**
 * Every layered module of any domain (exceljs, yauzl that opens the uploaded zip with limits, pdf-lib and fontkit
 * for the 介绍信), once.
 */
const MODULES = [...new Set(Object.values(LAYERED_MODULES).flat())];
/** Packages of files (the 介绍信 font), once each. */
const FILES = Object.values(LAYERED_FILES).flat();

/**
 * The reports layer: each module bundled by the local esbuild into one file at nodejs/node_modules/<name> (no
 * Docker, no npm install), and the font's files copied as they are to nodejs/node_modules/<package>, where
 * `require.resolve` finds them as it does under node_modules locally.
 */
export class ExcelLayer extends LayerVersion {
  constructor(scope: Construct, id: string, repoRoot: string) {
    super(scope, id, {
      description: `${[...MODULES, ...FILES.map((f) => f.module)].join(', ')} for the Excel exports and the 介绍信 PDF`,
      compatibleRuntimes: [Runtime.NODEJS_22_X],
      compatibleArchitectures: [Architecture.ARM_64],
      // The layer is a function of the module versions only: hash those instead of a large node_modules folder.
      code: Code.fromAsset(__dirname, {
        assetHashType: AssetHashType.CUSTOM,
        assetHash: [...MODULES, ...FILES.map((f) => f.module)]
          .map((name) => `${name}-${moduleVersion(repoRoot, name)}`)
          .join('_'),
        bundling: {
          image: DockerImage.fromRegistry('unused-local-bundling'),
          local: {
            tryBundle(outputDir: string) {
              for (const name of MODULES) {
                const dir = path.join(outputDir, 'nodejs/node_modules', name);
                mkdirSync(dir, { recursive: true });
                buildSync({
                  stdin: { contents: `module.exports = require('${name}');`, resolveDir: repoRoot },
                  bundle: true,
                  minify: true,
                  platform: 'node',
                  target: 'node22',
                  format: 'cjs',
                  outfile: path.join(dir, 'index.js'),
                  logLevel: 'error',
                });
                writeFileSync(path.join(dir, 'package.json'), `{"name":"${name}","main":"index.js"}\n`);
              }
              for (const { module, files } of FILES) copyFiles(repoRoot, module, files, outputDir);
              return true;
            },
          },
        },
      }),
    });
  }
}

function moduleVersion(repoRoot: string, name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8'));
  return String(manifest.version);
}

/** The package's files that match `wanted` (paths relative to the package), to the same place in the layer. */
function copyFiles(repoRoot: string, module: string, wanted: RegExp, outputDir: string): void {
  const from = path.join(repoRoot, 'node_modules', module);
  const to = path.join(outputDir, 'nodejs/node_modules', module);
  const walk = (relative: string): string[] =>
    readdirSync(path.join(from, relative), { withFileTypes: true }).flatMap((entry) => {
      const inside = relative ? `${relative}/${entry.name}` : entry.name;
      return entry.isDirectory() ? walk(inside) : [inside];
    });
  const files = walk('').filter((file) => wanted.test(file));
  if (files.length === 0) throw new Error(`no files of ${module} match ${wanted}`);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    copyFileSync(path.join(from, file), path.join(to, file));
  }
}
