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
      // The console imports labels and enums from @zgd/shared-types, whose modules also build
      // zod schemas at load time. Those calls have no side effects, so unused schemas (and
      // zod with them) are dropped: about 24 kB gzip less on the tariffs page.
      treeshake: { manualPureFunctions: ['z'] },
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
