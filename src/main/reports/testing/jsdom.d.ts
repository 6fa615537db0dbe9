/**
 * The little of jsdom the report tests use (jsdom ships no types, and the
 * Node tsconfig has no DOM library): parse a document, walk its elements.
 */
declare module 'jsdom' {
  export interface TestAttr {
    readonly name: string
    readonly value: string
  }
  export interface TestElement {
    readonly tagName: string
    readonly localName: string
    readonly attributes: ArrayLike<TestAttr>
    readonly textContent: string | null
    readonly children: ArrayLike<TestElement>
    getAttribute(name: string): string | null
    querySelector(selectors: string): TestElement | null
    querySelectorAll(selectors: string): ArrayLike<TestElement>
  }
  export interface TestDocument {
    readonly title: string
    readonly documentElement: TestElement
    readonly head: TestElement
    readonly body: TestElement
    querySelector(selectors: string): TestElement | null
    querySelectorAll(selectors: string): ArrayLike<TestElement>
  }
  export class JSDOM {
    constructor(html: string, options?: { readonly contentType?: string })
    readonly window: { readonly document: TestDocument }
  }
}
