/**
 * The preview page: a fixed skeleton of sections with stable ids (the UI tests and the
 * webview script find them by id), the bundled script and styles, and a strict CSP.
 */
import { contentSecurityPolicy } from './shared/csp.js';

export interface PreviewAssets {
    cspSource: string;
    nonce: string;
    script: string;
    styles: readonly string[];
}

export function previewHtml({ cspSource, nonce, script, styles }: PreviewAssets): string {
    const links = styles.map(href => `<link rel="stylesheet" href="${href}" nonce="${nonce}">`).join('\n    ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ cspSource, nonce })}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${links}
    <title>Cascade Preview</title>
</head>
<body data-view="empty" data-state="idle">
    <header id="toolbar">
        <h1 id="title"></h1>
        <span id="status" role="status" data-state="idle"></span>
        <button id="axis-scale" type="button" data-scale="linear" title="Switch the y axis between linear and logarithmic">log y</button>
        <button id="reset-zoom" type="button" title="Show the whole time course">reset zoom</button>
    </header>
    <div id="error" role="alert" hidden></div>
    <section id="scenario-view" hidden>
        <div id="legend" role="group" aria-label="Series"></div>
        <div id="time-course" class="chart"></div>
        <h2 id="balance-heading" hidden>E/I balance</h2>
        <div id="balance" class="chart" hidden></div>
        <h2>Expectations</h2>
        <ul id="expects"></ul>
        <h2>Steady state</h2>
        <p id="steady-state-message" hidden></p>
        <table id="steady-state"><thead><tr><th>quantity</th><th>value</th><th>unit</th></tr></thead><tbody></tbody></table>
    </section>
    <section id="cascade-view" hidden>
        <label>Perturbation <select id="perturbation"></select></label>
        <h2>Response coefficients</h2>
        <div id="responses" role="list"></div>
        <h2>Network</h2>
        <p class="hint">Nodes coloured by response coefficient (ΔY/Y)/(ΔP/P) to the selected perturbation.</p>
        <svg id="network" role="img" aria-label="Reaction network"></svg>
    </section>
    <script type="module" nonce="${nonce}" src="${script}"></script>
</body>
</html>
`;
}
