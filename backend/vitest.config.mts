import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC keeps TypeScript's decorator metadata, which NestJS dependency injection and TypeORM need.
const plugins = [swc.vite({ module: { type: 'es6' } })];

export default defineConfig({
  plugins,
  test: {
    projects: [
      {
        plugins,
        test: { name: 'unit', include: ['src/**/*.spec.ts'], environment: 'node' },
      },
      {
        plugins,
        test: {
          name: 'db',
          include: ['test/**/*.db-spec.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
