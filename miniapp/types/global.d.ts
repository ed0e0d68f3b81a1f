/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5';
    /** WeChat appid; overrides project.config.json when set in a .env file. */
    TARO_APP_ID?: string;
    /** Origin of the API, e.g. `https://zgd.example.gov.cn`; empty means same origin (H5 only). */
    TARO_APP_API_BASE?: string;
    /** `false` hides the H5 demo-login screen; anything else shows it. */
    TARO_APP_DEMO_LOGIN?: string;
  }
}
