/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';
declare module '*.sass';

/** API origin, set at build time (config/index.ts): '' on H5 means same origin. */
declare const API_BASE: string;
/** Local demo mode: the login page lists the demo accounts and logs in with `mock-<openid>` codes. */
declare const LOCAL_MODE: boolean;

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform being built (Taro replaces it at build time). */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    TARO_APP_ID: string;
  }
}
