import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

// One output folder per platform, so `build:h5` and `build:weapp` never wipe each other.
const platform = process.env.TARO_ENV ?? 'weapp';

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zgd-miniapp',
    date: '2025-11-30',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    // Taro reads TARO_APP_* only from .env files; this also takes it from the shell
    // (a .env file still wins). Empty means same-origin `/api`, which only H5 can use.
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
      // 'false' hides the H5 demo-login screen (set it for a production H5 build).
      TARO_APP_DEMO_LOGIN: JSON.stringify(process.env.TARO_APP_DEMO_LOGIN ?? ''),
      // The subscribe-message template of case updates (the backend's WECHAT template id).
      TARO_APP_SUBSCRIBE_TEMPLATE_ID: JSON.stringify(
        process.env.TARO_APP_SUBSCRIBE_TEMPLATE_ID ?? '',
      ),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      // Served by the backend at `/`, with an index.html fallback for deep links.
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
