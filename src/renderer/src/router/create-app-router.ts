import { createRouter, createWebHashHistory, type Router, type RouterHistory } from 'vue-router'
import ReplayPendingView from '@renderer/views/ReplayPendingView.vue'
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
        path: section.path,
        name: section.name,
        component: section.component
      })),
      // "Open the replay" from the Workbench; the Replay view takes this route over.
      { path: '/replay/:runId', name: 'replay-run', component: ReplayPendingView },
      { path: '/:unknown(.*)*', redirect: `/${HOME_SECTION}` }
    ]
  })
}
