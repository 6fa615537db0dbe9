import { describe, expect, it } from 'vitest'
import { PythonRandom } from './python-random'

/** The first three random.random() values after random.seed(seed), as CPython 3 prints them. */
const CPYTHON: readonly [bigint, readonly number[]][] = [
  [0n, [0.8444218515250481, 0.7579544029403025, 0.420571580830845]],
  [1n, [0.13436424411240122, 0.8474337369372327, 0.763774618976614]],
  [42n, [0.6394267984578837, 0.025010755222666936, 0.27502931836911926]],
  [2n ** 32n + 5n, [0.15727238718789782, 0.2824866316461999, 0.6044540318498407]],
  [-7n, [0.32383276483316237, 0.15084917392450192, 0.6509344730398537]],
  [12345678901234567890n, [0.5120180983871961, 0.9318805526703359, 0.6423121128048344]]
]

describe('PythonRandom', () => {
  it.each(CPYTHON)('draws what CPython draws after random.seed(%s)', (seed, expected) => {
    const random = new PythonRandom(seed)
    expect([random.random(), random.random(), random.random()]).toEqual(expected)
  })

  it('stays in step across the state regeneration after 624 outputs', () => {
    const random = new PythonRandom(5)
    for (let i = 0; i < 700; i++) random.random()
    expect(random.random()).toBe(0.9569111041768784)
  })

  it('takes a small seed as a number as well', () => {
    expect(new PythonRandom(42).random()).toBe(new PythonRandom(42n).random())
  })
})
