// Lint: typescript-eslint's type-aware recommended rules over src/, test/, scripts/ and bench/;
// formatting is Prettier's (eslint-config-prettier turns off the rules it owns). Run by `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  // The pages' browser scripts are plain files served as they are (Prettier formats them).
  // console/src/api/schema.d.ts is generated from the OpenAPI document (npm run console:types).
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'src/channels/web-form/assets/', 'console/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Fastify plugins and handlers are async by contract (a plugin must return a promise; an async
      // handler's value is the reply), and so are test callbacks: with or without an await inside.
      '@typescript-eslint/require-await': 'off',
      // A leading underscore names what is left out on purpose (`const { to: _to, ...where } = route`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  // This file itself is JavaScript outside the TypeScript project.
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    // Tests read answers through light-my-request's `json()`, which is `any` by design: checking every
    // field access of a response body would add casts, not safety. Everything else applies to tests too.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  prettier,
);
