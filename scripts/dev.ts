/**
 * `npm run dev`: a fast loop for work on the window. Vite's dev server
 * serves src/renderer with hot reload, configured from the renderer section
 * of electron.vite.config.ts (the same aliases and plugins as the build), and
 * proxies /api (calls over HTTP, events over the WebSocket) to a browser host
 * started here from source with a token this script chose. Open the address
 * it prints; edits to the renderer show at once, edits to src/main need a
 * restart. It needs neither a build nor Electron.
 */
import { randomBytes } from 'node:crypto'
import { realpathSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { createServer, mergeConfig, type InlineConfig, type Plugin } from 'vite'
import electronViteConfig from '../electron.vite.config'
import { WEB_TOKEN_PARAM } from '../src/shared/api'
import { createLabService } from '../src/main/service/create-lab-service'
import { startWebHost } from '../src/main/web/web-host'
import {
  compileWorkerFromSource,
  engineWorkerFromSource
} from '../src/main/worker/testing/tsx-worker'

const root = resolve(__dirname, '..')

/**
 * Vite injects each component's styles as <style> elements while it serves;
 * the page's own policy (style-src 'self') would refuse them. Only the dev
 * server relaxes it, and only for styles; the built app keeps the policy.
 */
function devStylePolicy(): Plugin {
  return {
    name: 'alloclab-dev-style-policy',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  }
}

function rendererConfig(): InlineConfig {
  const renderer = electronViteConfig.renderer
  if (!renderer || typeof renderer === 'function' || renderer instanceof Promise) {
    throw new Error('electron.vite.config.ts: the renderer section must be a plain object')
  }
  const { build: _build, ...serveConfig } = renderer
  return serveConfig as InlineConfig
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const portArg = args.indexOf('--port')
  const port = portArg >= 0 ? Number(args[portArg + 1]) : 5173
  const dbArg = args.indexOf('--db')
  const token = randomBytes(24).toString('base64url')
  const service = createLabService(
    'browser',
    dbArg >= 0 ? args[dbArg + 1] : undefined,
    {},
    {
      launch: engineWorkerFromSource,
      compileLaunch: compileWorkerFromSource
    }
  )
  const host = await startWebHost({ service, rendererDir: resolve(root, 'out/renderer'), token })
  const api = `http://127.0.0.1:${host.port}`
  const server = await createServer(
    mergeConfig(rendererConfig(), {
      configFile: false,
      plugins: [devStylePolicy()],
      server: {
        host: '127.0.0.1',
        port,
        // Fonts and other packages' files live in node_modules, outside the
        // renderer's root (and, in a linked worktree, outside the repository).
        fs: { allow: [root, dirname(realpathSync(resolve(root, 'node_modules', 'vue')))] },
        proxy: {
          '/api': {
            target: api,
            ws: true,
            changeOrigin: true,
            // The host accepts calls from its own origin only: speak for the page.
            configure: (proxy: {
              on(
                event: string,
                listener: (request: { setHeader(n: string, v: string): void }) => void
              ): void
            }) => {
              proxy.on('proxyReq', (request) => request.setHeader('origin', api))
              proxy.on('proxyReqWs', (request) => request.setHeader('origin', api))
            }
          }
        }
      }
    } satisfies InlineConfig)
  )
  await server.listen()
  const address = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`
  process.stdout.write(
    `AllocLab (dev) is running at ${address}?${WEB_TOKEN_PARAM}=${token}\n` +
      `API: the browser host at ${api}. Press Ctrl+C to stop.\n`
  )
  await new Promise<void>((done) => {
    process.once('SIGINT', done)
    process.once('SIGTERM', done)
  })
  await server.close()
  await host.close()
  service.close()
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  )
  process.exitCode = 1
})
