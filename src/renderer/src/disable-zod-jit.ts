import { config } from 'zod'

// zod compiles object parsers with `new Function` when it can, and probes for
// that when a schema is built. Under our CSP (no 'unsafe-eval') the probe
// fails quietly but Chromium still logs a CSP violation as a console error.
// main.ts imports this module first, before any schema in @shared is built.
config({ jitless: true })
