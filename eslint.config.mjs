import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

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
  // Next loads its cache handlers as CommonJS (scripts/cache).
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    // Layers point down: app/ and components/ may import lib/, never the other way.
    files: ['lib/**'],
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
