import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import pluginVue from 'eslint-plugin-vue'
import skipFormatting from '@vue/eslint-config-prettier/skip-formatting'

export default defineConfigWithVueTs(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'e2e/artifacts/**',
      'test-results/**',
      'playwright-report/**',
      '.electron-native/**'
    ]
  },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ]
    }
  },
  {
    files: ['src/**/*.ts', 'src/**/*.vue'],
    ignores: ['src/main/index.ts', 'src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only the Electron shell and preload import electron.' }
          ]
        }
      ]
    }
  },
  {
    // Shared code runs in the renderer, the main process and workers alike.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'electron', 'vue', 'pinia'],
              message: 'src/shared must not depend on Node, Electron or the DOM framework.'
            }
          ]
        }
      ]
    }
  },
  {
    // The engine is the bottom layer of src/main: workers, the timeline and the
    // service use it, never the other way round.
    files: ['src/main/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only the Electron shell and preload import electron.' }
          ],
          patterns: [
            {
              regex:
                '^(\\.\\./)+(timeline|service|worker|store|web|cli|reports|bench|lessons|score|ostep)/',
              message: 'src/main/engine imports only itself and src/shared.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['**/*.cjs', 'scripts/**/*.{js,mjs,cjs}', 'bin/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  skipFormatting
)
