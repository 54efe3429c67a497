import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { PureLiteralsPlugin } from '../tools/pure-literals-plugin';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * Taro 4.2.1 + webpack5, written by hand (DESIGN §8: `taro init` needs GitHub).
 * - API_BASE: the API origin. H5 default '' = same origin (scripts/h5-server.ts proxies /v1/*);
 *   weapp default is the local API. Override with the API_BASE environment variable.
 * - LOCAL_MODE: lists the demo accounts on the login page and logs in with `mock-<openid>` codes;
 *   on unless LOCAL_MODE=0.
 */
const SHARED_DIR = path.resolve(__dirname, '../../shared');

export default defineConfig<'webpack5'>(async (merge) => {
  const taroEnv = process.env.TARO_ENV ?? 'weapp';
  const apiBase = process.env.API_BASE ?? (taroEnv === 'h5' ? '' : 'http://127.0.0.1:3000');
  const localMode = process.env.LOCAL_MODE !== '0';

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'xianfeng',
    date: '2026-11-23',
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${taroEnv}`,
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
      LOCAL_MODE: JSON.stringify(localMode),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    // Taro's terser prints every non-ASCII character as \uXXXX (6 bytes); our strings are Chinese, which UTF-8
    // stores in 3. WeChat reads its JS as UTF-8, so this halves the bytes of every Chinese message in the
    // main package (§7: ≤ 600 KB). Merged into Taro's own terser options.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      compile: { include: [SHARED_DIR] },
      // Template depth for weapp's base.wxml (default 16). Our pages nest at most 8 deep (measured on H5);
      // deeper trees still render, through Taro's recursive `comp` component. Each level costs ~2.7 KB of the
      // main package. Read by the webpack5 runner's MiniPlugin but missing from Taro's config type.
      ...({ baseLevel: 10 } as object),
      // NutUI's CSS and ours never style the same selector at equal specificity, so chunk order is irrelevant.
      miniCssExtractPluginOption: { ignoreOrder: true },
      // With tools/pure-shared-constants.js (babel): a schema nothing reads leaves the main package, and zod too.
      webpackChain(chain) {
        chain.plugin('pure-literals').use(PureLiteralsPlugin);
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [SHARED_DIR] },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
