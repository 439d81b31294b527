/**
 * The preview page: a fixed skeleton of sections with stable ids (the UI tests and the
 * webview script find them by id), the script and styles inlined, and a strict CSP.
 */
import { contentSecurityPolicy } from './shared/csp.js';
import { escapeXml } from '@neurocascade/language/xml-text';

export interface PreviewAssets {
    cspSource: string;
    nonce: string;
    /**
     * The preview's ES module and stylesheets, written into the page: VS Code loads a webview's
     * files through its service worker and the extension host, and holds the messages posted to
     * the page until they have all loaded.
     */
    script: string;
    styles: readonly string[];
    /** The elkjs module's webview URI, imported when the first cascade is shown. */
    layoutModule: string;
}

/** Text for a `<script>` or `<style>` element, which ends at the first `</script` or `</style`. */
function inline(text: string, tag: 'script' | 'style'): string {
    if (text.toLowerCase().includes(`</${tag}`)) throw new Error(`The preview's ${tag} contains '</${tag}' and cannot be written into its page.`);
    return text;
}

export function previewHtml({ cspSource, nonce, script, styles, layoutModule }: PreviewAssets): string {
    const styleElements = styles.map(css => `<style nonce="${nonce}">${inline(css, 'style')}</style>`).join('\n    ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ cspSource, nonce })}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${styleElements}
    <title>Cascade Preview</title>
</head>
<body data-view="empty" data-state="idle" data-layout-module="${escapeXml(layoutModule)}">
    <header id="toolbar">
        <h1 id="title"></h1>
        <span id="status" role="status" data-state="idle"></span>
        <button id="reset-zoom" type="button" title="Show the whole time course">reset zoom</button>
    </header>
    <div id="error" role="alert" hidden></div>
    <section id="scenario-view" hidden>
        <div id="legend" role="group" aria-label="Series"></div>
        <div id="time-course" class="chart"></div>
        <ul id="warnings" role="alert" hidden></ul>
        <h2>Expectations</h2>
        <ul id="expects"></ul>
        <h2>Steady state</h2>
        <p id="steady-state-message" hidden></p>
        <table id="steady-state"><thead></thead><tbody></tbody></table>
    </section>
    <section id="cascade-view" hidden>
        <label>Perturbation <select id="perturbation"></select></label>
        <h2>Response coefficients</h2>
        <div id="responses" role="list"></div>
        <h2>Network</h2>
        <p class="hint">Nodes coloured by response coefficient (ΔY/Y)/(ΔP/P) to the selected perturbation.</p>
        <div id="network-frame"><svg id="network" role="img" aria-label="Reaction network"></svg></div>
        <div id="network-export"></div>
    </section>
    <section id="analysis-view" hidden>
        <div id="sensitivity-part">
            <label>Quantity <select id="sensitivity-quantity"></select></label>
            <button id="sensitivity-over-time" type="button" title="The chosen quantity's sensitivities to its largest parameters along the scenario's run">Over time</button>
            <div id="tornado" class="figure"></div>
        </div>
        <div id="control-part">
            <label>Matrix <select id="control-matrix"><option value="flux">Flux control</option><option value="concentration">Concentration control</option></select></label>
            <div id="control-heatmap" class="figure"></div>
            <h2>Network</h2>
            <label>Flux <select id="control-flux"></select></label>
            <div id="control-network-frame"><svg id="control-network" role="img" aria-label="Reaction network coloured by flux control coefficients"></svg></div>
            <div id="control-network-export"></div>
        </div>
        <h2>Stability</h2>
        <p id="stability"></p>
        <table id="eigenvalues"><thead><tr><th>Re λ (/min)</th><th>Im λ (/min)</th><th>time scale 1/|Re λ|</th></tr></thead><tbody></tbody></table>
    </section>
    <section id="population-view" hidden>
        <p id="population-summary"></p>
        <div id="population-switches">
            <button type="button" data-view="population">Percentile bands</button>
            <button type="button" data-view="sobol">Sobol indices</button>
            <button type="button" data-view="morris">Morris screening</button>
            <label id="population-members-choice"><input type="checkbox" id="population-members"> <span id="population-members-label"></span></label>
        </div>
        <div id="population-plots"></div>
    </section>
    <section id="time-sensitivity-view" hidden>
        <label>Quantity <select id="time-sensitivity-quantity"></select></label>
        <p id="time-sensitivity-choice"></p>
        <div id="time-sensitivity-plot" class="figure"></div>
    </section>
    <section id="scan-view" hidden>
        <div id="scan-plots"></div>
        <ul id="scan-errors" role="alert" hidden></ul>
    </section>
    <section id="fit-view" hidden>
        <p id="fit-summary"></p>
        <h2>Data and fitted model</h2>
        <p class="hint">Measurements with ±1 sd error bars; the lines are the model run with the fitted values (in the steady-state chart, the bars across).</p>
        <div id="fit-charts" class="chart"></div>
        <div id="fit-residuals" class="chart"></div>
        <h2>Fitted values</h2>
        <table id="fit-estimates"><thead><tr><th>estimate</th><th>value</th><th>unit</th><th>95 % interval (profile likelihood)</th><th>identifiable</th><th>model value</th></tr></thead><tbody></tbody></table>
        <p><button id="write-fitted" type="button" title="Replace the values written in the model by the fitted ones">Write fitted values into the model</button></p>
    </section>
    <script type="module" nonce="${nonce}">${inline(script, 'script')}</script>
</body>
</html>
`;
}
