import type { LabApi, LabBridge, LabChannel, LabOutput, LabResult } from '@shared/api'

/**
 * A bridge that can send a call whose JSON body (`{"channel":…,"input":…}`)
 * was made elsewhere, as a Blob. The scenario worker writes the body of a
 * run or a draft of a large scenario, so the page's own thread never copies
 * or encodes a hundred megabytes; the browser host uploads the Blob as it
 * is. Electron's IPC takes objects only, so its bridge has no such call.
 */
export interface EncodedBodyBridge extends LabBridge {
  invokeEncoded(channel: LabChannel, body: Blob): Promise<LabResult<unknown>>
}

/** The renderer's LabApi: the contract's calls, and the encoded one when the host has it. */
export interface RendererLabApi extends LabApi {
  invokeEncoded?<C extends LabChannel>(channel: C, body: Blob): Promise<LabOutput<C>>
}

export function hasEncodedBody(bridge: LabBridge): bridge is EncodedBodyBridge {
  return typeof (bridge as Partial<EncodedBodyBridge>).invokeEncoded === 'function'
}
