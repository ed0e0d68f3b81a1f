import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      // Taro's components are custom elements that need its runtime; tests render plain DOM.
      '@tarojs/components': fileURLToPath(new URL('./test/taro-components.tsx', import.meta.url)),
      // Taro's API needs a platform; tests get in-memory storage and routes they declare.
      '@tarojs/taro': fileURLToPath(new URL('./test/taro-fake.ts', import.meta.url)),
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}', 'scripts/**/*.spec.mjs'],
  },
});
