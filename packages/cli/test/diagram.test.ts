import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { cascade, folderWith } from './run-cli.js';

/** A → (E) → B with a cofactor, a product-inhibited enzyme, a receptor on B and a modulator on E. */
const NETWORK = `model Pathway "A <script>alert('x')</script> & co pathway"
precursor A "Amino <acid> & friends" { supply 1 uM/min  clearance 0.1 /min }
cofactor C { initial 1 uM  fixed }
transmitter B { clearance 0.05 /min }
metabolite D { clearance 0.1 /min }
enzyme E { converts A -> B  vmax 2 uM/min  km 5 uM  requires C km 0.5 uM  inhibited by B ki 20 uM }
enzyme F { converts B -> D  vmax 1 uM/min  km 10 uM }
receptor R { binds B  kd 5 uM  effect excitatory }
modulator M { level 1 uM  increases E activity max 50% ec50 1 uM }
scenario Base {
    simulate 60 min step 10 min
}
cascade MoreE {
    from Base
    perturb E vmax +100%
    perturb F vmax +100%
    measure A, B
}
`;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: name => name === 'g' || name === 'text' });

interface Group {
    class?: string;
    'data-id'?: string;
    'data-kind'?: string;
    'data-response'?: string;
    g?: Group[];
    rect?: { fill: string; stroke: string; 'stroke-width': string };
    title?: string;
}

function diagramOf(args: string[]): { svg: string; folder: string } {
    const folder = folderWith({ 'pathway.cascade': NETWORK });
    const run = cascade(['diagram', 'pathway.cascade', '-o', 'out.svg', ...args], folder);
    assert.equal(run.status, 0, run.stderr);
    return { svg: readFileSync(path.join(folder, 'out.svg'), 'utf8'), folder };
}

function groups(svg: string, kind: 'nodes' | 'edges'): Group[] {
    const root = parser.parse(svg).svg as { g: Group[] };
    return root.g.find(g => g.class === kind)!.g!;
}

/** A `#rrggbb` colour as its channels. */
function channels(colour: string): number[] {
    return [1, 3, 5].map(i => parseInt(colour.slice(i, i + 2), 16));
}

describe('cascade diagram', () => {
    let plain: { svg: string; folder: string };
    before(() => {
        plain = diagramOf([]);
    });

    it('draws one node per species, process, receptor and modulator as well-formed SVG', () => {
        const { svg, folder } = plain;
        assert.equal(XMLValidator.validate(svg), true);
        const nodes = groups(svg, 'nodes');
        assert.deepEqual(nodes.map(n => `${n['data-id']}:${n['data-kind']}`).sort(),
            ['A:precursor', 'B:transmitter', 'C:cofactor', 'D:metabolite', 'E:process', 'F:process', 'M:modulator', 'R:receptor']);
        const edges = groups(svg, 'edges').map(e => `${e['data-source' as keyof Group]}-${e['data-kind']}-${e['data-target' as keyof Group]}`).sort();
        assert.deepEqual(edges, ['A-flux-E', 'B-binding-R', 'B-flux-F', 'B-inhibition-E', 'C-cofactor-E', 'E-flux-B', 'F-flux-D', 'M-increases-E']);
        assert.deepEqual(readdirSync(folder).sort(), ['out.svg', 'pathway.cascade'], 'no temporary file is left beside the output');
    });

    it('escapes model titles instead of letting them into the markup', () => {
        const { svg } = plain;
        assert.doesNotMatch(svg, /<script|<acid>/);
        assert.match(svg, /A &lt;script&gt;alert\(&#39;x&#39;\)&lt;\/script&gt; &amp; co pathway/);
        const a = groups(svg, 'nodes').find(n => n['data-id'] === 'A')!;
        assert.match(a.title!, /Amino <acid> & friends/);
    });

    it('writes the same bytes for the same model', () => {
        assert.equal(diagramOf([]).svg, plain.svg);
    });

    it('colours nodes that rise red and nodes that fall blue, and outlines the perturbed one', () => {
        const { svg } = diagramOf(['--cascade', 'MoreE']);
        assert.equal(XMLValidator.validate(svg), true);
        const nodes = new Map(groups(svg, 'nodes').map(n => [n['data-id'], n]));
        const [a, b] = [nodes.get('A')!, nodes.get('B')!];
        assert.match(a['data-response']!, /^−/, 'more enzyme lowers its substrate');
        assert.match(b['data-response']!, /^\+/, 'and raises its product');
        const [ar, , ab] = channels(a.rect!.fill);
        const [br, , bb] = channels(b.rect!.fill);
        assert.ok(ab > ar && br > bb, `A ${a.rect!.fill} should be blue, B ${b.rect!.fill} red`);
        assert.equal(nodes.get('E')!.rect!.stroke, '#000000');
        assert.notEqual(nodes.get('F')!.rect!.stroke, '#000000');
        assert.match(svg, /MoreE: perturb E vmax \+100%/);
    });

    it('colours by the perturbation picked with --perturbation', () => {
        const { svg } = diagramOf(['--cascade', 'MoreE', '--perturbation', 'F']);
        const nodes = new Map(groups(svg, 'nodes').map(n => [n['data-id'], n]));
        assert.equal(nodes.get('F')!.rect!.stroke, '#000000');
        assert.match(nodes.get('B')!['data-response']!, /^−/, 'more F lowers its substrate B');
    });

    it('refuses an unknown cascade or perturbation with exit code 2', () => {
        const folder = folderWith({ 'pathway.cascade': NETWORK });
        const unknown = cascade(['diagram', 'pathway.cascade', '--cascade', 'Nope'], folder);
        assert.equal(unknown.status, 2);
        assert.match(unknown.stderr, /no cascade 'Nope' \(the file has: MoreE\)/);
        const perturbation = cascade(['diagram', 'pathway.cascade', '--cascade', 'MoreE', '--perturbation', 'G'], folder);
        assert.equal(perturbation.status, 2);
        assert.match(perturbation.stderr, /no single perturbation 'G'/);
        assert.equal(cascade(['diagram', 'pathway.cascade', '--perturbation', 'E'], folder).status, 2);
    });
});
