import { LabError, parseInput, type LabChannel, type LabOutput } from '@shared/api'
import { findLesson } from '@shared/lessons'
import { readLessonPack } from '@shared/lesson-pack/lesson-pack'
import type { ImportedLesson } from '@shared/lesson-pack/imported-lesson-schemas'
import type { FakeLibrary } from './fake-library'

const CHANNELS = new Set<LabChannel>([
  'lessons:imported',
  'lessons:import-pack',
  'lessons:remove-imported'
])

/**
 * Imported lessons in memory, as FakeLabBridge answers `lessons:*`: a pack
 * is read with the real pack reader, its experiments go to the fake
 * library, and its lessons survive "reloads" (new apps on the same bridge).
 */
export class FakeLessons {
  imported: ImportedLesson[] = []
  now = 1_764_580_000_000

  constructor(private readonly library: FakeLibrary) {}

  answers(channel: LabChannel): boolean {
    return CHANNELS.has(channel)
  }

  answer(channel: LabChannel, input: unknown): unknown {
    switch (channel) {
      case 'lessons:imported':
        parseInput(channel, input)
        return { lessons: this.imported }
      case 'lessons:import-pack':
        return this.importPack(parseInput(channel, input).text)
      case 'lessons:remove-imported': {
        const { id } = parseInput(channel, input)
        if (!this.imported.some(({ lesson }) => lesson.id === id))
          throw new LabError('not-found', 'classroom.pack.notImported', { id })
        this.imported = this.imported.filter(({ lesson }) => lesson.id !== id)
        return { lessons: this.imported }
      }
      default:
        throw new LabError('unknown-channel', 'service.unknownChannel', { channel })
    }
  }

  private importPack(text: string): LabOutput<'lessons:import-pack'> {
    const reading = readLessonPack(text)
    if (!reading.ok)
      throw new LabError('invalid-input', reading.refusal.key, { ...reading.refusal.params })
    const { pack } = reading
    const fresh = pack.lessons.filter((lesson) => !findLesson(lesson.id))
    const ids = new Set(fresh.map((lesson) => lesson.id))
    for (const file of pack.experiments) this.library.add(file.experiment.name)
    this.imported = [
      ...this.imported.filter(({ lesson }) => !ids.has(lesson.id)),
      ...fresh.map((lesson) => ({
        lesson,
        packTitle: pack.title,
        packVersion: pack.version,
        packCreatedAt: pack.createdAt,
        importedAt: this.now
      }))
    ]
    return {
      title: pack.title,
      lessons: fresh.length,
      experiments: pack.experiments.length,
      builtIn: pack.lessons.length - fresh.length,
      imported: this.imported
    }
  }
}
