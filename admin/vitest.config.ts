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
      // A page test renders the whole console; on a shared, busy two-core machine one can take
      // well over 30 s. Failures still surface sooner, through Testing Library's 10 s waits.
      testTimeout: 90_000,
    },
  }),
);
