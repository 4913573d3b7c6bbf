import { render } from 'hono/jsx/dom'
import { App } from './App'
import { parseRoute } from './route'
import './survey.css'

// The citizen page: its own entry and bundle, with nothing of the staff app in it (budget: 30 KB gzipped in all).
const root = document.getElementById('survey')
if (root) render(<App route={parseRoute(location.pathname)} />, root)
