/**
 * `h5_first_load_kb` (issue #7): the gzip size of the JS and CSS a phone's browser loads to show the login
 * page of a fresh H5 build — measured by loading it in headless Chromium and gzipping what it fetched.
 */
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startH5Server } from '../scripts/h5-server';

export async function h5FirstLoadKb(root: string): Promise<number | null> {
  try {
    execSync('npm run build:h5', { cwd: root, stdio: 'ignore', env: { ...process.env, API_BASE: '' } });
  } catch {
    return null;
  }
  // No API is needed to draw the login page; requests to /v1 simply fail.
  const h5 = await startH5Server({ port: 0, distDir: join(root, 'miniapp/dist/h5'), apiUrl: 'http://127.0.0.1:9' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const assets: Promise<number>[] = [];
    page.on('response', (response) => {
      if (/\.(js|css)(\?|$)/.test(response.url())) {
        assets.push(response.body().then((body) => gzipSync(body, { level: 9 }).byteLength));
      }
    });
    await page.goto(`${h5.url}/#/pages/login/index`, { waitUntil: 'networkidle' });
    await page.getByText('先锋').first().waitFor();
    const sizes = await Promise.all(assets);
    return sizes.reduce((sum, n) => sum + n, 0) / 1024;
  } finally {
    await browser.close();
    await h5.close();
  }
}
