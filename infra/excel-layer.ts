import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import { Architecture, Code, LayerVersion, Runtime } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import { LAYERED_MODULES } from './bundling';

/** Every layered module of any domain (exceljs, and yauzl that opens the uploaded zip with limits), once. */
const MODULES = [...new Set(Object.values(LAYERED_MODULES).flat())];

/**
 * exceljs and yauzl, each bundled by the local esbuild into one file at nodejs/node_modules/<name> (no Docker,
 * no npm install).
 */
export class ExcelLayer extends LayerVersion {
  constructor(scope: Construct, id: string, repoRoot: string) {
    super(scope, id, {
      description: `${MODULES.join(' and ')} for the roster import/export and the meetings' Excel exports`,
      compatibleRuntimes: [Runtime.NODEJS_22_X],
      compatibleArchitectures: [Architecture.ARM_64],
      // The layer is a function of the module versions only: hash those instead of a large node_modules folder.
      code: Code.fromAsset(__dirname, {
        assetHashType: AssetHashType.CUSTOM,
        assetHash: MODULES.map((name) => `${name}-${moduleVersion(repoRoot, name)}`).join('_'),
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
