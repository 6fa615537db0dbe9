import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

const shared = resolve(__dirname, 'src/shared')

export default defineConfig({
  main: {
    resolve: { alias: { '@shared': shared } },
    build: {
      rollupOptions: {
        // One bundle per entry: the Electron shell, the CLI (which also runs
        // the browser host), the engine worker and the scenario compiler worker,
        // sharing chunks.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli/index.ts'),
          'engine-worker': resolve(__dirname, 'src/main/worker/engine-worker.ts'),
          'compile-worker': resolve(__dirname, 'src/main/worker/compile-worker.ts'),
          // Benchmarks run on the same bundle that ships (npm run bench).
          bench: resolve(__dirname, 'src/main/bench/main.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias: { '@shared': shared } },
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: {
      alias: {
        '@shared': shared,
        '@renderer': resolve(__dirname, 'src/renderer/src')
      }
    },
    plugins: [vue()],
    build: {
      // Served to browsers on classroom machines too: ship it minified.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
