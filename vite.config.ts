import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { securityHeaders } from './src/lib/content-security-policy.ts';

// Relative base so the built app also works from a sub-path or a file server.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    // The installable, offline app: a service worker precaches every built file (the app, its
    // workers, GEOS, the demo programme) so that after one visit Fulv starts with no network. It
    // waits to take over until the user says so (src/app/use-app-update.ts), never mid-edit.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/icon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        name: '复绿 Fulv · 矿山生态修复',
        short_name: '复绿 Fulv',
        description: '离线可用的矿山生态修复地图：外业调查、三区两线冲突分析、验收与进度。Offline-first GIS for mine ecological remediation.',
        lang: 'zh-CN',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f5f7f3',
        theme_color: '#2e7d32',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // Icons and the manifest are added by the plugin itself (manifest icons, includeAssets).
        globPatterns: ['**/*.{html,js,mjs,css,json,geojson,wasm}'],
        // GEOS is one 2.5 MB module; the app bundle 1.7 MB.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    // GEOS (geos-wasm) is one 2.5 MB module with its WebAssembly inlined, loaded lazily.
    chunkSizeWarningLimit: 2600,
  },
  worker: { format: 'es' },
  // `npm start` and the e2e tests serve the build with the headers any server of it should send.
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: securityHeaders() },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          // One throwaway PostgreSQL + PostGIS for the run; each test file makes its own database.
          globalSetup: ['tests/server/postgres-global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/serve-build.ts'],
          // One browser at a time: the machine has two cores and SwiftShader renders on the CPU.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
