// Fonts ship inside the app (Vite bundles the woff2 files next to the page):
// lab machines are often offline and the CSP allows fonts from 'self' only.
import '@fontsource/inter/latin-400.css'
import '@fontsource/inter/latin-500.css'
import '@fontsource/inter/latin-600.css'
import '@fontsource/inter/latin-700.css'
import '@fontsource/noto-sans-sc/chinese-simplified-400.css'
import '@fontsource/noto-sans-sc/chinese-simplified-700.css'
import '@fontsource/jetbrains-mono/latin-400.css'
