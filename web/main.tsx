import { render } from 'hono/jsx/dom'
import { App } from './app/App'
import { getLocale } from './app/i18n'
import './styles/base.css'
import './styles/controls.css'
import './styles/layout.css'
import './styles/dialog.css'
import './styles/auth.css'
import './styles/org.css'
import './styles/tree.css'
import './styles/users.css'
import './styles/survey-admin.css'
import './styles/questionnaires.css'
import './styles/campaigns.css'
import './styles/review.css'
import './styles/qr.css'
import './styles/supervision.css'
import './styles/supervise.css'
import './styles/rankings.css'
import './styles/dashboard.css'

document.documentElement.lang = getLocale()
const root = document.getElementById('app')
if (root) render(<App />, root)
