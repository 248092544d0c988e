import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'coverage', 'docs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // app/ is the pure core shared by every side: no Node, Electron, koffi or outer layers.
    files: ['app/**/*.ts'],
    ignores: ['app/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // iconv-lite needs Node's Buffer: code pages are decoded in main/ras/pbk-charset.ts.
              group: [
                'node:*',
                'fs',
                'path',
                'os',
                'child_process',
                'electron',
                'koffi',
                'iconv-lite',
              ],
              message: 'app/ stays pure.',
            },
            {
              group: ['**/main/**', '**/preload/**', '**/renderer/**'],
              message: 'app/ imports nothing outside app/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The window learns about the world through window.ras alone.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'electron', 'koffi'],
              message: 'The renderer runs in a sandbox.',
            },
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The renderer imports only app/ and its own files.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**', 'main/ras/win32/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only main/electron/ imports electron.' },
            { name: 'koffi', message: 'Only main/ras/win32/ imports koffi.' },
          ],
        },
      ],
    },
  },
);
