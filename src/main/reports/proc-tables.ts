import { formatAddress } from '@shared/format/format-value'
import type { ReportConfig } from '@shared/reports/report-model'
import { formatBuddyInfo } from '../engine/buddy/buddyinfo'
import { formatSlabInfo } from '../engine/slab/slabinfo'
import { markup, type SafeHtml } from './html'
import type { ReportText } from './report-text'

/** Free-list entries listed before the rest are only counted. */
const FREE_LIST_SHOWN = 40

/**
 * The structures after the last request: buddyinfo and slabinfo exactly as
 * /proc prints them (the engine's own formatters), the heap's free list as a
 * table. Cache names come from the scenario, so the text goes in escaped.
 */
export function renderFinalStructures(config: ReportConfig, text: ReportText): SafeHtml {
  const final = config.final
  if (!final) return markup`<p class="muted">${text.r('final.none')}</p>`
  const parts: SafeHtml[] = []
  if (final.buddyinfo) {
    parts.push(
      markup`<figure>
        <figcaption class="note">${text.r('final.buddyinfo')}</figcaption>
        <pre class="proc">${formatBuddyInfo(final.buddyinfo)}</pre>
      </figure>`
    )
  }
  if (final.slabinfo) {
    parts.push(
      markup`<figure>
        <figcaption class="note">${text.r('final.slabinfo')}</figcaption>
        <pre class="proc">${formatSlabInfo(final.slabinfo)}</pre>
      </figure>`
    )
  }
  if (final.freeList) {
    const list = final.freeList
    // Entries in list order, flowing down several columns: a free list is long and narrow.
    const items = list
      .slice(0, FREE_LIST_SHOWN)
      .map(
        (entry) =>
          markup`<li><span class="mono">${formatAddress(entry.addr)}</span> <span>${text.count(entry.size)} B</span></li>`
      )
    const more = list.length - FREE_LIST_SHOWN
    parts.push(
      markup`<figure>
        <figcaption class="note">${text.r('final.freeList', { count: text.count(list.length) })}</figcaption>
        <ol class="free-list" aria-label="${text.r('final.address')} / ${text.r('final.size')}">${items}</ol>
        ${more > 0 ? markup`<p class="note">${text.r('final.freeListMore', { count: text.count(more) })}</p>` : null}
      </figure>`
    )
  }
  return markup`${parts}`
}
