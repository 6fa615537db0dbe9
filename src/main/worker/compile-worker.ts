/**
 * Entry of the scenario compiler worker, built as out/main/compile-worker.js:
 * compiles the scenario text it was started with and posts the CompileResult
 * back, the program's typed arrays transferred, so a scenario of a few hundred
 * megabytes never holds up the host's event loop (see scenario-compiler.ts).
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import { compileScenario } from '@shared/scenario'
import { serializeError } from './worker-protocol'
import { isCompileRequest, type CompileReply } from './compile-protocol'

if (isMainThread || !parentPort) throw new Error('compile-worker.ts runs only as a worker thread')
const port = parentPort
const request: unknown = workerData
try {
  if (!isCompileRequest(request)) throw new Error('not a compile request')
  const result = compileScenario(request.text)
  const program = result.program
  const reply: CompileReply = { type: 'compiled', result }
  port.postMessage(
    reply,
    program
      ? [program.code.buffer, program.sizes.buffer, program.lines.buffer].map(
          (buffer) => buffer as ArrayBuffer
        )
      : []
  )
} catch (error) {
  const reply: CompileReply = { type: 'error', error: serializeError(error) }
  port.postMessage(reply)
}
