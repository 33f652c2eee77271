// Harness for the experiments panel on its own (vite dev server: /ui/experiments/dev.html).
// The scenario comes from the page's link, as the app would pass it; `exp=` fills the form.
import { parseLink } from '../../scenarios/link.ts';
import './experiments-panel.ts';

const parsed = parseLink(location.href);
const panel = document.querySelector('hl-experiments-panel')!;
panel.scenario = parsed.scenario;
panel.seed = parsed.seed;
panel.lang = parsed.lang ?? 'en';
panel.exp = new URLSearchParams(location.search).get('exp') ?? '';
panel.addEventListener('hl-experiment-change', (e) => console.log('experiment', e.detail.param));
