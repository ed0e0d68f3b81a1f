import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The backend serves the built console from `admin/dist` at `/admin/` (index.html fallback)
// and the API from `/api` on the same origin, so the client never needs an API base URL.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
  build: {
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Changes only on upgrades, so browsers keep it cached across releases.
            {
              name: 'react-vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
