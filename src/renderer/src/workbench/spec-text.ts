/**
 * The surface syntax of an allocator spec, `family:key=value,key=value`,
 * so the window can show each option in its own field and write the text
 * back when a field changes. Only the shape is read here; what the values
 * mean is decided by the engine (`allocators:check`), never by the window.
 */

export interface SpecOption {
  readonly key: string
  /** null for a part without `=`, kept as written so nothing typed is lost. */
  readonly value: string | null
}

export interface SpecParts {
  readonly family: string
  readonly options: readonly SpecOption[]
}

export function splitSpec(spec: string): SpecParts {
  const text = spec.trim()
  const colon = text.indexOf(':')
  const family = (colon < 0 ? text : text.slice(0, colon)).trim()
  const body = colon < 0 ? '' : text.slice(colon + 1)
  const options: SpecOption[] = []
  for (const raw of body.split(',')) {
    const part = raw.trim()
    if (part === '') continue
    const equals = part.indexOf('=')
    options.push(
      equals < 0
        ? { key: part, value: null }
        : { key: part.slice(0, equals).trim(), value: part.slice(equals + 1).trim() }
    )
  }
  return { family, options }
}

export function joinSpec(parts: SpecParts): string {
  const body = parts.options
    .map((option) => (option.value === null ? option.key : `${option.key}=${option.value}`))
    .join(',')
  return body === '' ? parts.family : `${parts.family}:${body}`
}

/** The value the spec gives `key`, or undefined when it leaves it to the default. */
export function optionValue(spec: string, key: string): string | undefined {
  return splitSpec(spec).options.find((option) => option.key === key)?.value ?? undefined
}

/** The spec with `key` set to `value`, or left out when `value` is null or empty. */
export function withOption(spec: string, key: string, value: string | null): string {
  const parts = splitSpec(spec)
  const trimmed = value?.trim() ?? ''
  const present = parts.options.some((option) => option.key === key)
  const options =
    trimmed === ''
      ? parts.options.filter((option) => option.key !== key)
      : present
        ? parts.options.map((option) => (option.key === key ? { key, value: trimmed } : option))
        : [...parts.options, { key, value: trimmed }]
  return joinSpec({ family: parts.family, options })
}

/** The spec for another family, keeping the options that family also has. */
export function withFamily(spec: string, family: string, familyKeys: readonly string[]): string {
  const parts = splitSpec(spec)
  return joinSpec({
    family,
    options: parts.options.filter((option) => familyKeys.includes(option.key))
  })
}

/**
 * Specs in pasted text: a whole `alloclab run … --allocator A --allocator B`
 * line, or specs one per line or separated by spaces. `families` are the
 * family names the catalog lists.
 */
export function specsFromPaste(text: string, families: readonly string[]): string[] {
  const words = text.split(/\s+/).filter((word) => word !== '')
  const flagged: string[] = []
  let sawFlag = false
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    if (word === '--allocator' || word === '-a') {
      sawFlag = true
      const next = words[i + 1]
      if (next !== undefined && !next.startsWith('-')) flagged.push(unquote(next))
      i++
    } else if (word.startsWith('--allocator=')) {
      sawFlag = true
      flagged.push(unquote(word.slice('--allocator='.length)))
    }
  }
  if (sawFlag) return flagged.filter((spec) => spec !== '')
  // Without flags, a word is a spec when it names a known family or has the
  // shape family:options (an unknown family then gets the engine's own advice).
  return words
    .map(unquote)
    .filter((word) => families.includes(splitSpec(word).family) || /^[a-z][\w-]*:\S/i.test(word))
}

function unquote(word: string): string {
  return word.replace(/^['"]|['"]$/g, '')
}
