import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'apps/web/src/api/schema.d.ts', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URLSearchParams: 'readonly',
        AbortSignal: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/apps/*', '../../apps/**'], message: 'libs never import apps' },
            { group: ['@app/*/src/*'], message: 'import a lib through its index (@app/<lib>)' },
          ],
        },
      ],
    },
  },
  {
    // Tests and scripts compose the apps; only libraries are barred from importing them.
    files: ['test/**', 'scripts/**', 'bench/**', 'apps/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Nest injects by constructor metadata: a type-only import would erase the class the injector needs.
    files: ['apps/api/src/**', 'apps/worker/src/**', 'libs/**'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
);
