import './disable-zod-jit'
import './styles/fonts'
import './styles/theme.css'
import './styles/base.css'
import './styles/presentation.css'
import { createRendererApp } from './create-renderer-app'
import { getLab } from './lab/get-lab'

const renderer = createRendererApp(getLab())

// Settings arrive before the first paint, so the window never flashes the
// wrong language or theme.
void renderer.load().then(() => renderer.app.mount('#app'))
