import { readdirSync } from 'node:fs';

import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// bulletproof-react: shared code -> features -> app, and no feature imports another.
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const noImport = (groups, message) => ['error', { patterns: [{ group: groups, message }] }];

export default defineConfig(
  { ignores: ['dist', 'node_modules', 'coverage'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended, reactHooks.configs.flat.recommended],
    languageOptions: { ecmaVersion: 2022, globals: globals.browser },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/components/**', 'src/lib/**', 'src/i18n/**'],
    rules: {
      'no-restricted-imports': noImport(['@/features/*', '@/app/*'], 'Shared code must not import features or the app.'),
    },
  },
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**`],
    ignores: [`src/features/${feature}/**/__tests__/**`],
    rules: {
      'no-restricted-imports': noImport(
        ['@/app/*', ...features.filter((other) => other !== feature).map((other) => `@/features/${other}/*`)],
        'A feature imports only shared code; compose features in src/app.',
      ),
    },
  })),
);
