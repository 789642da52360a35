// The command-line tools as plain JavaScript for node (`npm run build:cli`, or bin/fulv.mjs when
// the build is missing or older than its sources): no TypeScript compiler at run time. Packages
// stay imports from node_modules, so GEOS loads its WebAssembly from there as it does under tsx.
// The build also lists the source files it was made from, for bin/fulv.mjs's staleness check.
import { relative } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const CLI_OUT_DIR = 'dist-cli';

function listInputs(): Plugin {
  return {
    name: 'fulv-cli-inputs',
    generateBundle(_options, bundle) {
      const files = new Set<string>();
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of chunk.moduleIds) if (!id.includes('node_modules') && !id.startsWith('\0')) files.add(relative(process.cwd(), id));
      }
      this.emitFile({ type: 'asset', fileName: 'inputs.json', source: `${JSON.stringify([...files].sort(), null, 1)}\n` });
    },
  };
}

export default defineConfig({
  logLevel: 'warn',
  publicDir: false,
  plugins: [listInputs()],
  build: {
    ssr: true,
    target: 'node20',
    outDir: CLI_OUT_DIR,
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: { analyze: 'src/cli/analyze.ts', convert: 'src/cli/convert.ts' },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
});
