import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      // Taro's components are custom elements that need its runtime; tests render plain DOM.
      '@tarojs/components': fileURLToPath(new URL('./test/taro-components.tsx', import.meta.url)),
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}', 'scripts/**/*.spec.mjs'],
  },
});
