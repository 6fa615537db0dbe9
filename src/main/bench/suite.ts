/** One group of benchmark figures in `npm run bench`'s JSON. */
export interface BenchSuite {
  readonly name: string
  run(): Promise<Record<string, number | string>>
}
