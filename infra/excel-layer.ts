import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import { Architecture, Code, LayerVersion, Runtime } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { buildSync } from 'esbuild';

/** exceljs, bundled by the local esbuild into one file at nodejs/node_modules/exceljs (no Docker, no npm install). */
export class ExcelLayer extends LayerVersion {
  constructor(scope: Construct, id: string, repoRoot: string) {
    super(scope, id, {
      description: 'exceljs for the roster import/export',
      compatibleRuntimes: [Runtime.NODEJS_22_X],
      compatibleArchitectures: [Architecture.ARM_64],
      // The layer is a function of the exceljs version only: hash that instead of a large node_modules folder.
      code: Code.fromAsset(__dirname, {
        assetHashType: AssetHashType.CUSTOM,
        assetHash: `exceljs-${excelVersion(repoRoot)}`,
        bundling: {
          image: DockerImage.fromRegistry('unused-local-bundling'),
          local: {
            tryBundle(outputDir: string) {
              const dir = path.join(outputDir, 'nodejs/node_modules/exceljs');
              mkdirSync(dir, { recursive: true });
              buildSync({
                stdin: { contents: "module.exports = require('exceljs');", resolveDir: repoRoot },
                bundle: true,
                minify: true,
                platform: 'node',
                target: 'node22',
                format: 'cjs',
                outfile: path.join(dir, 'index.js'),
                logLevel: 'error',
              });
              writeFileSync(path.join(dir, 'package.json'), '{"name":"exceljs","main":"index.js"}\n');
              return true;
            },
          },
        },
      }),
    });
  }
}

function excelVersion(repoRoot: string): string {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/exceljs/package.json'), 'utf8'));
  return String(manifest.version);
}
