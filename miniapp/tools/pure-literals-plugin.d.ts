/** ./pure-literals-plugin.js: a webpack plugin (CommonJS, loaded by the Taro config). */
import type { Compiler } from 'webpack';

export declare class PureLiteralsPlugin {
  apply(compiler: Compiler): void;
}
