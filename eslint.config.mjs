// Lint: strict TypeScript, no floating promises, and the core boundary (no vscode, no Node built-ins in src/core).
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-output/**', 'examples/**', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true, named: true, defaultFrom: true, namedFrom: true, namespaceFrom: true } }],
    },
  },
  {
    // Node-side code both faces share: the editor's extension host and the CLI run it, so no vscode.
    files: ['src/git/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/git is shared with the CLI: the editor passes it what VS Code knows.' }] }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core is pure: adapters in src/vscode talk to VS Code.' }, ...nodeBuiltins.map((name) => ({ name, message: 'src/core is pure: no Node built-ins.' }))],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core is pure.' }, { name: 'Buffer', message: 'src/core is pure.' }, { name: 'require', message: 'src/core is pure.' }],
    },
  },
);
