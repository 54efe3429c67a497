import * as esbuild from 'esbuild';
for (const [entry, ext] of process.argv.slice(2).map(a => a.split('='))) {
  const r = await esbuild.build({ entryPoints: [entry], bundle: true, minify: true, platform: 'node', target: 'node22', format: 'cjs', charset: 'utf8', external: ['@aws-sdk/*', ...(ext ? ext.split(',') : [])], write: false, metafile: true });
  console.log((r.outputFiles[0].contents.length/1024).toFixed(1), entry);
}
