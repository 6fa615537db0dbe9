import { createRouter, createWebHashHistory, type Router, type RouterHistory } from 'vue-router'
import { HOME_SECTION, SECTIONS } from './sections'

/**
 * Hash history, because the Electron shell loads the page from file:// where
 * there is no server to answer deep paths; it also keeps the browser host's
 * `?token=` in place while the user moves between sections.
 */
export function createAppRouter(history: RouterHistory = createWebHashHistory()): Router {
  return createRouter({
    history,
    routes: [
      { path: '/', redirect: `/${HOME_SECTION}` },
      ...SECTIONS.map((section) => ({
        // Replay and Compare open one run: /replay/run-3; without it, they say how to get one.
        path: section.param ? `${section.path}/:${section.param}?` : section.path,
        name: section.name,
        component: section.component
      })),
      { path: '/:unknown(.*)*', redirect: `/${HOME_SECTION}` }
    ]
  })
}
