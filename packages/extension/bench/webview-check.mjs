// Loads the bundled preview (dist/webview) in headless Debian chromium under its CSP, without
// VS Code: posts real results of examples/serotonin.cascade, exports, and prints what it drew and
// any console error. Screenshots go to .screenshots/. Needs `npm run build` here and `tsc -b`.
// The page (with the preview's script and styles in it) and the elkjs module are served from a
// local HTTP origin, as module scripts need one.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { previewHtml } from '../out/src/webview-html.js';
import { ModelLoader } from '../../language/out/src/workspace/model-loader.js';
import { simulationsFor } from '../../language/out/src/simulation/cascade-simulations.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const shots = `${root}.screenshots`;
mkdirSync(shots, { recursive: true });
const loader = new ModelLoader();
const [loaded] = await loader.loadFiles([`${root}examples/serotonin.cascade`]);
const sims = simulationsFor(loader.shared);
const uri = loaded.document.uri.toString();
const scenarios = [await sims.runScenario({ uri, scenario: 'Baseline' }), await sims.runScenario({ uri, scenario: 'SSRI' })];
const cascade = await sims.runCascade({ uri, cascade: 'Knockouts' });
sims.dispose();

const nonce = 'testnonce';
const problems = [];
const types = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };
const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    const file = path === '/' ? `${shots}/preview-check.html` : `${root}packages/extension/dist/webview${path}`;
    try {
        const body = readFileSync(file);
        response.writeHead(200, { 'content-type': types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(body);
    } catch {
        // The browser's own favicon request is no problem of the preview's.
        if (path !== '/favicon.ico') problems.push(`not served: ${path}`);
        response.writeHead(404).end();
    }
});
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const webview = name => readFileSync(`${root}packages/extension/dist/webview/${name}`, 'utf8');
let html = previewHtml({ cspSource: origin, nonce, script: webview('preview.js'), styles: ['uplot.css', 'preview.css'].map(webview), layoutModule: `${origin}/elk.js` });
html = html.replace('<script type="module"', `<script nonce="${nonce}">window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: m => window.__posted.push(m) });</script>\n    <script type="module"`);
writeFileSync(`${shots}/preview-check.html`, html);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 900, height: 1400 } });
page.on('console', m => { if ((m.type() === 'error' || m.type() === 'warning') && !m.location().url.endsWith('/favicon.ico')) problems.push(m.text()); });
page.on('pageerror', e => problems.push(String(e)));
await page.goto(origin);
await page.waitForFunction(() => window.__posted.some(m => m.type === 'ready'));
const post = m => page.evaluate(message => window.postMessage(message, '*'), m);
await post({ type: 'show', content: { view: 'scenarios', results: scenarios } });
await page.waitForFunction(() => window.__posted.some(m => m.type === 'rendered'));
console.log('scenario view:', await page.evaluate(() => ({
    legend: [...document.querySelectorAll('#legend button')].map(b => b.dataset.series).length,
    canvases: document.querySelectorAll('#time-course canvas').length,
    balance: !document.getElementById('balance').hidden,
    steady: document.querySelectorAll('#steady-state tbody tr').length,
    expects: document.querySelectorAll('#expects li').length,
    title: document.getElementById('title').textContent
})));
await page.screenshot({ path: `${shots}/preview-scenarios.png`, fullPage: true });
await page.click('#axis-scale');
await page.click('#legend button:nth-of-type(1)');
await post({ type: 'export', format: 'svg' });
await post({ type: 'export', format: 'png' });
await page.waitForFunction(() => window.__posted.filter(m => m.type === 'exported').length === 2);
console.log('exports:', await page.evaluate(() => window.__posted.filter(m => m.type === 'exported').map(m => `${m.format} ${m.data.length}`)));
await post({ type: 'show', content: { view: 'cascade', result: cascade } });
await page.waitForFunction(() => window.__posted.filter(m => m.type === 'rendered').length === 2, null, { timeout: 20000 });
console.log('cascade view:', await page.evaluate(() => ({
    bars: document.querySelectorAll('#responses .bar-row').length,
    nodes: document.querySelectorAll('#network .node').length,
    coloured: document.querySelectorAll('#network .node[data-response]').length,
    edges: document.querySelectorAll('#network .edge').length
})));
await page.screenshot({ path: `${shots}/preview-cascade.png`, fullPage: true });
await post({ type: 'export', format: 'png' });
await page.waitForFunction(() => window.__posted.filter(m => m.type === 'exported' || m.type === 'export-failed').length === 3);
const png = await page.evaluate(() => window.__posted.filter(m => m.type === 'exported' || m.type === 'export-failed').at(-1));
console.log('cascade png:', png.type, png.data?.length ?? png.message);
writeFileSync(`${shots}/network.png`, Buffer.from(png.data.split(',')[1], 'base64'));
await post({ type: 'error', message: '<img src=x onerror=alert(1)> broken', live: false });
console.log('error banner:', await page.evaluate(() => ({ text: document.getElementById('error').textContent, imgs: document.querySelectorAll('#error img').length })));
console.log('problems:', problems);
await browser.close();
server.close();
