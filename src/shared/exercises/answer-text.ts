import { formatAddress } from '../format/format-value'
import type { MessageParams } from '../i18n/translate'
import type { RequestStatus } from '../vocabulary/request-statuses'
import { requestStatusLabelKey } from '../vocabulary/request-statuses'
import type { ExerciseAnswer } from './exercise'

type Translate = (key: string, params?: MessageParams) => string

const key = (name: string): string => `classroom.exercise.${name}`

/** An answer in words, for the feedback line and the answer key. */
export function answerText(
  t: Translate,
  answer: ExerciseAnswer,
  place: 'frame' | 'address' | null,
  status: RequestStatus
): string {
  switch (answer.kind) {
    case 'result':
      if (answer.fails) return t(key('failed'), { status: t(requestStatusLabelKey(status)) })
      if (answer.place === null || place === null) return t(key('succeeded'))
      return t(key('succeededAt'), {
        place:
          place === 'frame'
            ? t(key('placeFrame'), { value: answer.place })
            : t(key('placeAddress'), { value: formatAddress(answer.place) })
      })
    case 'examined':
      return String(answer.count)
    case 'freeAreas':
      return answer.counts.length === 0 ? '0' : answer.counts.join(' ')
    case 'freeList':
      return answer.entries.length === 0
        ? t(key('emptyList'))
        : answer.entries.map(([addr, size]) => `${formatAddress(addr)}:${size}`).join(' ')
  }
}
