import { hoverTooltip, type Tooltip } from '@codemirror/view'
import { KEYWORDS, keywordOf } from '@shared/scenario'
import type { Translate } from './scenario-diagnostics'
import { lineWords } from './scenario-tokens'

/**
 * Help for the keyword under the pointer, in the current language: its
 * synopsis, what it does and an example line. `t` is read on every hover, so
 * a language switch shows at once.
 */
export function scenarioHover(translate: () => Translate) {
  return hoverTooltip((view, pos): Tooltip | null => {
    const line = view.state.doc.lineAt(pos)
    const { words } = lineWords(line.text)
    const offset = pos - line.from
    const word = words.find((w) => w.from <= offset && offset <= w.to)
    if (!word) return null
    const keyword = keywordOf(word.text)
    if (keyword < 0) return null
    const info = KEYWORDS[keyword]!
    return {
      pos: line.from + word.from,
      end: line.from + word.to,
      above: true,
      create() {
        const t = translate()
        const dom = document.createElement('div')
        dom.className = 'cm-scn-help'
        const synopsis = document.createElement('code')
        synopsis.className = 'cm-scn-help__synopsis'
        synopsis.textContent = info.synopsis
        const description = document.createElement('p')
        description.className = 'cm-scn-help__description'
        description.textContent = t(info.descriptionKey)
        const example = document.createElement('p')
        example.className = 'cm-scn-help__example'
        const label = document.createElement('span')
        label.textContent = `${t('workbench.editor.hoverExample')} `
        const code = document.createElement('code')
        code.textContent = info.example
        example.append(label, code)
        dom.append(synopsis, description, example)
        return { dom }
      }
    }
  })
}
