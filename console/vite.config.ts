import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { mantineComponentStyles } from './build/mantine-component-styles';

// `npm run dev` proxies the API to a Roster started with `roster serve` (port 8080 by default).
const api = process.env.ROSTER_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react(), mantineComponentStyles()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Charts (recharts) are only on the overview: they load with it, not with the first page.
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { '/api': api, '/auth': api } },
});
