/** `ostep:import`: a pasted malloc.py command line in, its workload and allocator out. */
import { z } from 'zod'

export const OstepImportInput = z.object({ commandLine: z.string().min(1).max(10_000) }).strict()

export const OstepImportOutput = z
  .object({
    /** The workload as scenario text, headed by the command line. */
    scenario: z.string(),
    /** The allocator spec with malloc.py's rules for those flags (the `ostep` preset's). */
    spec: z.string(),
    /** What malloc.py prints for the command with -c: the answer key. */
    transcript: z.string()
  })
  .strict()
