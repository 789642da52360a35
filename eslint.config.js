// Lint rules, plus the import boundaries of the src/ layout (see README "Architecture"):
// a folder may import only from folders above it in
// lib → domain → io → store → persistence → workers → map → ui → app / cli / server.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const LAYERS = ['lib', 'domain', 'io', 'store', 'persistence', 'workers', 'map', 'ui', 'app', 'cli', 'server'];
// cli and server stand beside app: each imports only lib, domain, io and store.
const BESIDE_APP = ['cli', 'server'];
const PACKAGES_OUTSIDE = {
  react: ['react', 'react-dom', 'react-dom/*', 'react/*'],
  maplibre: ['maplibre-gl', 'maplibre-gl/*'],
  idb: ['idb', 'idb/*'],
};

function boundary(layer, forbiddenPackages) {
  const below = BESIDE_APP.includes(layer)
    ? LAYERS.filter((l) => l !== layer && !['lib', 'domain', 'io', 'store'].includes(l))
    : LAYERS.slice(LAYERS.indexOf(layer) + 1).filter((l) => !(layer === 'app' && l === 'cli'));
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...below.map((l) => ({ group: [`**/${l}/*`, `**/${l}`], message: `src/${layer} must not import src/${l} (layering).` })),
          ...forbiddenPackages.map((p) => ({ group: [p], message: `src/${layer} must not depend on ${p}.` })),
        ],
      }],
    },
  };
}

const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'HTMLElement', 'Element', 'fetch', 'location'];

export default tseslint.config(
  { ignores: ['dist', 'dist-cli', 'node_modules', 'tests/.artifacts', 'coverage', '.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Attribute text is never injected as HTML.' },
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Attribute text is never injected as HTML.' },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  boundary('lib', [...PACKAGES_OUTSIDE.react, ...PACKAGES_OUTSIDE.maplibre, ...PACKAGES_OUTSIDE.idb]),
  boundary('domain', [...PACKAGES_OUTSIDE.react, ...PACKAGES_OUTSIDE.maplibre, ...PACKAGES_OUTSIDE.idb]),
  boundary('io', [...PACKAGES_OUTSIDE.react, ...PACKAGES_OUTSIDE.maplibre, ...PACKAGES_OUTSIDE.idb]),
  boundary('store', [...PACKAGES_OUTSIDE.react, ...PACKAGES_OUTSIDE.maplibre, ...PACKAGES_OUTSIDE.idb]),
  boundary('persistence', [...PACKAGES_OUTSIDE.react, ...PACKAGES_OUTSIDE.maplibre]),
  boundary('workers', [...PACKAGES_OUTSIDE.react, ...PACKAGES_OUTSIDE.maplibre, ...PACKAGES_OUTSIDE.idb]),
  boundary('map', [...PACKAGES_OUTSIDE.react, ...PACKAGES_OUTSIDE.idb]),
  boundary('ui', [...PACKAGES_OUTSIDE.idb]),
  boundary('app', []),
  boundary('cli', [...PACKAGES_OUTSIDE.react, ...PACKAGES_OUTSIDE.maplibre, ...PACKAGES_OUTSIDE.idb]),
  boundary('server', [...PACKAGES_OUTSIDE.react, ...PACKAGES_OUTSIDE.maplibre, ...PACKAGES_OUTSIDE.idb]),
  {
    // The domain runs in Workers and Node: no DOM.
    files: ['src/domain/**/*.ts', 'src/lib/**/*.ts', 'src/io/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: 'No DOM in the pure layers.' }))],
    },
  },
);
