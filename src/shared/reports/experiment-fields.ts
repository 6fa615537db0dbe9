/** What a person says about an experiment, as reports show it: a bare run has its title as name. */
import { z } from 'zod'

export const ExperimentFieldsSchema = z
  .object({
    name: z.string().max(200),
    notes: z.string().max(100_000),
    tags: z.array(z.string().min(1).max(100)).max(100)
  })
  .strict()
export type ExperimentFields = z.infer<typeof ExperimentFieldsSchema>
