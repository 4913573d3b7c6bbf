import { render } from 'hono/jsx/dom'

// Placeholder entry: the citizen survey app is built here.
const root = document.getElementById('survey')
if (root) render(<p>满意</p>, root)
