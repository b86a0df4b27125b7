// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layer order (shared/DESIGN.md), checked in the editor; tests/architecture/layers.test.ts is
// the full check (resolved paths, circles, computed imports).
const SIM_LAYERS = ['common', 'machine', 'interp', 'policies', 'run', 'experiment', 'cli'];
const segment = (names) => `(^|/)(${names.join('|')})(/|\\.js$)`;
const restrict = (files, regex, message) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns: [{ regex, message }] }] } });
const layerRules = [
  ...SIM_LAYERS.map((layer, i) => {
    const above = SIM_LAYERS.slice(i + 1);
    const forbidden = [...above, 'bench', ...(layer === 'experiment' || layer === 'cli' ? [] : ['reports'])];
    return restrict(layer === 'cli' ? ['sim/cli/**/*.ts', 'sim/cli.ts'] : [`sim/${layer}/**/*.ts`], segment(forbidden),
      `sim/${layer} imports only its own layer or a lower one (${SIM_LAYERS.join(' < ')}); reports/ only from experiment and cli`);
  }),
  restrict(['reports/**/*.ts'], segment(['sim', 'bench']), 'reports/ never imports the simulator: read result records (reports/records.ts)'),
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'results/**', 'tests/output/**', '**/*.py'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-fallthrough': 'error',
    },
  },
  ...layerRules,
);
