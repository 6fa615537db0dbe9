import type { Locale } from '../i18n/locales'
import { translator } from '../i18n/translate'
import type { StructuralDetail } from '../run-schemas'

/** One structural detail of a timeline event, told as a sentence for the event log. */
export function structuralSentence(locale: Locale, detail: StructuralDetail): string {
  const t = translator(locale)
  const key = (name: string): string => `timeline.structural.${name}`
  switch (detail.kind) {
    case 'coalesced': {
      const below = detail.with.find((block) => block.side === 'below')
      const above = detail.with.find((block) => block.side === 'above')
      const which = below && above ? 'coalescedBoth' : below ? 'coalescedBelow' : 'coalescedAbove'
      return t(key(which), {
        belowAddr: below?.addr ?? '',
        belowSize: below?.size ?? '',
        aboveAddr: above?.addr ?? '',
        aboveSize: above?.size ?? '',
        addr: detail.result.addr,
        size: detail.result.size
      })
    }
    case 'splitRemainder':
      return t(key('splitRemainder'), {
        addr: detail.block.addr,
        size: detail.block.size,
        kept: detail.block.size - detail.remainder.size,
        remainderAddr: detail.remainder.addr,
        remainderSize: detail.remainder.size
      })
    case 'buddySplit':
      return t(key('buddySplit'), {
        frame: detail.block.frame,
        order: detail.block.order,
        resultOrder: detail.result.order,
        halves: detail.halves.map((half) => t(key('buddyHalf'), half)).join(t(key('listSeparator')))
      })
    case 'buddyMerged':
      return t(key('buddyMerged'), {
        steps: detail.buddies
          .map((buddy, i) => t(key(i === 0 ? 'buddyMergedFirst' : 'buddyMergedThen'), buddy))
          .join(t(key('stepSeparator'))),
        frame: detail.result.frame,
        order: detail.result.order
      })
  }
}
