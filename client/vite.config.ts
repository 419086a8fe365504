// Builds the editor into client/dist (served by the server); in dev, proxies the API and the
// real-time channels to a server on WEFT_SERVER (default http://localhost:5678).
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const server = process.env.WEFT_SERVER ?? 'http://localhost:5678';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [svelte()],
  resolve: {
    // domain/ (shared with the server) makes ids with node:crypto; the browser has Web Crypto.
    alias: { 'node:crypto': fileURLToPath(new URL('./src/lib/node-crypto-shim.ts', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // domain/ and collab/ are pure code (no I/O, no registration on import): what the editor
      // does not use of them, such as domain's zod schemas, is left out of the bundle.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/](domain|collab)[\\/][^\\/]+\.ts$/.test(id) },
    },
  },
  server: {
    port: 5173,
    // The proxy keeps the browser's Host (no changeOrigin): the server admits a socket whose
    // Origin is the host it was sent to, so the editor on localhost:5173 opens /collab and /socket.io.
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/webhook': { target: server },
      '/webhook-test': { target: server },
      '/healthz': { target: server },
      '/socket.io': { target: server, ws: true },
      '/collab': { target: server, ws: true },
    },
  },
});
