// The only module that imports chart.js. The dashboard loads it with a dynamic import (charts.ts), so chart.js lands
// in its own chunk: the rest of the staff app, and the citizen survey, never download it. Only the pieces the
// dashboard draws are registered, so the bundler leaves the rest of chart.js out.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js'

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend)
Chart.defaults.animation = false
Chart.defaults.font.family = getComputedStyle(document.body).fontFamily || 'sans-serif'
Chart.defaults.font.size = 12
Chart.defaults.color = '#4b5565'
Chart.defaults.borderColor = '#e3e7ed'

export { Chart }
