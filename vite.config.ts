import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Relative base so the built app also works from a sub-path or a file server.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
    // GEOS (geos-wasm) is one 2.5 MB module with its WebAssembly inlined, loaded lazily.
    chunkSizeWarningLimit: 2600,
  },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
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
