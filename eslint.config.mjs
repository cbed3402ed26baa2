import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// Temporary: the last read-only server actions ("Show more", a just-posted comment)
// render UI from lib; until they become reads of their own, the only lib file allowed to
// import components.
const LAYER_EXCEPTIONS = ['lib/comments/thread-loader.tsx'];
// Temporary, with LAYER_EXCEPTIONS. The one cycle today runs through
// thread-loader.tsx: comment-thread -> thread-loader -> comment-controls -> comment-thread
// (show-more-comments closes it too); it goes when thread-loader stops importing components.
const CYCLE_EXCEPTIONS = [
  'lib/comments/thread-loader.tsx',
  'components/comments/comment-thread.tsx',
  'components/comments/comment-controls.tsx',
  'components/comments/show-more-comments.tsx',
];

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['node_modules/**', '.next/**', '.data/**', 'lib/db/generated/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    // No import cycles anywhere: a module's dependencies must load before it does.
    // The `import` plugin and its TypeScript resolver (for `@/`) come with eslint-config-next.
    // Packages are not parsed: a cycle through node_modules is not ours to fix.
    files: ['**/*.{js,jsx,mjs,ts,tsx}'],
    settings: { 'import/ignore': ['node_modules'] },
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
  },
  { files: CYCLE_EXCEPTIONS, rules: { 'import/no-cycle': 'off' } },
  // Next loads its cache handlers as CommonJS (scripts/cache).
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    // Layers point down: app/ and components/ may import lib/, never the other way.
    files: ['lib/**'],
    ignores: LAYER_EXCEPTIONS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@/|(\\.\\./)+)(components|app)(/|$)',
              message: 'lib/ must not import from components/ or app/: move the shared piece into lib/, or pass it in from the page.',
            },
          ],
        },
      ],
    },
  },
];

export default config;
