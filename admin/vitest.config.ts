import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/*.spec.{ts,tsx}'],
      setupFiles: ['./src/test/setup.ts'],
      // antd renders heavy trees; keep the two cores for one worker plus the runner.
      maxWorkers: 1,
      testTimeout: 30_000,
    },
  }),
);
