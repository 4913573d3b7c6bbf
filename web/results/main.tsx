import { render } from 'hono/jsx/dom'
import { App } from './App'
import { parseRoute } from './route'
import './results.css'

// The public results pages: their own entry and bundle, with no staff-app code and no chart library (charts are SVG).
const root = document.getElementById('results')
if (root) render(<App route={parseRoute(location.pathname)} />, root)
