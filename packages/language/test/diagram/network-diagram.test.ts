import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import elkModule from 'elkjs/lib/elk.bundled.js';
import { cascadeScale, foldChangeScale } from '../../src/diagram/diagram-legend.js';
import { layoutNetwork, type NetworkLayout } from '../../src/diagram/network-layout.js';
import { networkSvg } from '../../src/diagram/network-svg.js';
import type { NetworkGraph } from '../../src/diagram/network-model.js';

/** Tryptophan → (TPH) → serotonin, bound by a receptor, the enzyme inhibited by its product. */
const GRAPH: NetworkGraph = {
    nodes: [
        { id: 'Trp', label: 'Trp', kind: 'species', category: 'precursor' },
        { id: 'TPH', label: 'TPH', kind: 'process', category: 'process' },
        { id: 'HT', label: 'HT (serotonin)', kind: 'species', category: 'transmitter', title: 'serotonin' },
        { id: 'R', label: 'R', kind: 'receptor', category: 'receptor' }
    ],
    edges: [
        { source: 'Trp', target: 'TPH', kind: 'flux' }, { source: 'TPH', target: 'HT', kind: 'flux' },
        { source: 'HT', target: 'R', kind: 'binding' }, { source: 'HT', target: 'TPH', kind: 'inhibition' }
    ]
};

/** The `fill` and `stroke` of a node's box, and its tooltip. */
function node(svg: string, id: string): { fill: string; stroke: string; title: string } {
    const group = new RegExp(`<g class="node" data-id="${id}"[^>]*><title>([^<]*)</title><rect[^>]* fill="([^"]+)" stroke="([^"]+)"`).exec(svg);
    assert.ok(group, `node ${id} is drawn`);
    return { title: group[1], fill: group[2], stroke: group[3] };
}

/** How far a `#rrggbb` colour is from the scale's neutral middle (247, 247, 247). */
function saturation(colour: string): number {
    return Math.max(...[1, 3, 5].map(i => Math.abs(parseInt(colour.slice(i, i + 2), 16) - 247)));
}

describe('network diagram (shared by the preview and cascade diagram)', () => {
    let layout: NetworkLayout;
    before(async () => {
        layout = await layoutNetwork(new elkModule.default(), GRAPH);
    });

    it('has a legend of the node and edge kinds the network uses', () => {
        const svg = networkSvg(layout, { heading: 'Model', subheading: 'network' });
        const legend = svg.slice(svg.indexOf('<g class="legend"'));
        for (const entry of ['Nodes', 'precursor', 'transmitter', 'process', 'receptor', 'Edges', 'flux (substrate → process → product)', 'ligand binding', 'inhibition, antagonist']) {
            assert.ok(legend.includes(`>${entry}<`), `legend entry ${entry}`);
        }
        assert.ok(!legend.includes('>cofactor<'), 'no entry for a kind the network does not use');
        assert.ok(!legend.includes('Response'), 'no colour scale without a cascade');
    });

    it('colours every perturbation of a cascade on one scale: a small response stays pale beside a large one', () => {
        const small = new Map([['HT', 0.04], ['Trp', 0]]);
        const large = new Map([['HT', 0.85], ['Trp', -0.85]]);
        const draw = (values: Map<string, number>) => networkSvg(layout, { heading: 'Model', subheading: 'cascade' },
            { target: 'Trp', values, scale: cascadeScale([small.values(), large.values()], values.values(), 'Response coefficient', v => v.toFixed(2)) });
        const [pale, strong] = [draw(small), draw(large)];
        assert.ok(saturation(node(pale, 'HT').fill) < 0.1 * saturation(node(strong, 'HT').fill),
            `0.04 is drawn ${node(pale, 'HT').fill}, 0.85 ${node(strong, 'HT').fill}`);
        const [r, , b] = [1, 3, 5].map(i => parseInt(node(strong, 'HT').fill.slice(i, i + 2), 16));
        const [r2, , b2] = [1, 3, 5].map(i => parseInt(node(strong, 'Trp').fill.slice(i, i + 2), 16));
        assert.ok(r > b && b2 > r2, 'rose is red, fell is blue');
        assert.match(pale, />-0\.85 fell</);
        assert.match(pale, />0\.85 rose</);
        assert.match(pale, />Response coefficient</);
    });

    it('marks the perturbed node and gives each node its value on hover', () => {
        const values = new Map([['HT', 0.5], ['Trp', 1]]);
        const svg = networkSvg(layout, { heading: 'Model', subheading: 'cascade' },
            { target: 'Trp', values, scale: cascadeScale([values.values()], values.values(), 'Response coefficient', v => v.toFixed(2)) });
        assert.equal(node(svg, 'Trp').stroke, '#000000');
        assert.notEqual(node(svg, 'HT').stroke, '#000000');
        assert.match(node(svg, 'HT').title, /HT “serotonin” \(transmitter\) response 0\.50/);
        assert.doesNotMatch(node(svg, 'TPH').title, /response/, 'a process has no value');
    });

    it('writes fold changes as percentages for cascade diagram', () => {
        const scale = foldChangeScale(new Map([['HT', 1], ['Trp', -1]]));
        assert.equal(scale.label(1), '+100 %');
        assert.equal(scale.label(-1), '−50.0 %');
    });

    it('runs in the preview webview: no Node module and no layout engine at run time', () => {
        const folder = new URL('../../../src/diagram/', import.meta.url);
        for (const file of readdirSync(folder)) {
            const imports = [...readFileSync(new URL(file, folder), 'utf8').matchAll(/^import (type )?.* from '([^']+)';$/gm)];
            for (const [, typeOnly, from] of imports) {
                assert.ok(from.startsWith('.') || typeOnly, `${file} imports ${from} at run time`);
            }
        }
    });
});
