import { strict as assert } from 'node:assert';
import type { LangiumDocument } from 'langium';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import { buildWorkspace, codeOf } from './validation-fixtures.js';

async function diagnosticsOf(text: string): Promise<{ document: LangiumDocument; diagnostics: Diagnostic[] }> {
    const document = (await buildWorkspace({ 'model.cascade': text })).get('model.cascade')!;
    return { document, diagnostics: document.diagnostics ?? [] };
}

function only(diagnostics: Diagnostic[], code: string): Diagnostic {
    const found = diagnostics.filter(d => codeOf(d) === code);
    assert.equal(found.length, 1, `expected one ${code}, got ${found.length}: ${diagnostics.map(d => `${codeOf(d)} ${d.message}`).join('; ')}`);
    return found[0];
}

function textAt(document: LangiumDocument, diagnostic: Diagnostic): string {
    return document.textDocument.getText(diagnostic.range);
}

describe('diagnostic ranges and quick-fix data', function () {
    it('unit-unknown covers exactly the unknown atom inside the unit', async function () {
        const { document, diagnostics } = await diagnosticsOf('precursor A { initial 3 furlongs  supply 2 uM/(furlong*min) }');
        const unknown = diagnostics.filter(d => codeOf(d) === 'unit-unknown');
        assert.deepEqual(unknown.map(d => textAt(document, d)), ['furlongs', 'furlong']);
        assert.deepEqual(unknown[0].range.start, { line: 0, character: 24 });
    });

    it('duplicate stands on the name of each declaration', async function () {
        const { document, diagnostics } = await diagnosticsOf('parameter k_on = 1 /min\nparameter k_on = 2 /min\nrule r = k_on * 1 min');
        const duplicates = diagnostics.filter(d => codeOf(d) === 'duplicate');
        assert.deepEqual(duplicates.map(d => [d.range.start.line, textAt(document, d)]), [[0, 'k_on'], [1, 'k_on']]);
        assert.match(String(duplicates[0].message), /model\.cascade:2/);
    });

    it('duplicate lists five other places at most', async function () {
        const text = Array.from({ length: 8 }, (_, i) => `parameter k_on = ${i + 1} /min`).join('\n') + '\nrule r = k_on * 1 min';
        const { diagnostics } = await diagnosticsOf(text);
        const first = diagnostics.filter(d => codeOf(d) === 'duplicate')[0];
        assert.match(String(first.message), /also model\.cascade:2, model\.cascade:3, model\.cascade:4, model\.cascade:5, model\.cascade:6 and 2 more\)/);
    });

    it('unit-missing carries the base unit a quick fix inserts', async function () {
        const { document, diagnostics } = await diagnosticsOf('precursor A { initial 40  supply 0.5  clearance 1 /min }');
        const missing = diagnostics.filter(d => codeOf(d) === 'unit-missing');
        assert.deepEqual(missing.map(d => [textAt(document, d), d.data]), [
            ['40', { code: 'unit-missing', expectedUnit: 'uM' }],
            ['0.5', { code: 'unit-missing', expectedUnit: 'uM/min' }]
        ]);
        assert.equal(missing[0].severity, DiagnosticSeverity.Warning);
    });

    it('unit-dimension names the expected dimension and units to choose from', async function () {
        const { document, diagnostics } = await diagnosticsOf('precursor A { initial 1 uM  clearance 0.1 uM }');
        const wrong = only(diagnostics, 'unit-dimension');
        assert.equal(textAt(document, wrong), '0.1 uM');
        assert.equal(wrong.data.expectedDimension, 'rate constant (per time)');
        assert.ok(wrong.data.suggestedUnits.includes('/min') && wrong.data.suggestedUnits.includes('/h'));
        assert.equal(wrong.code, 'unit-dimension');
    });

    it('unused is a faded hint on the name', async function () {
        const { document, diagnostics } = await diagnosticsOf('parameter spare = 3 /min');
        const unused = only(diagnostics, 'unused');
        assert.equal(textAt(document, unused), 'spare');
        assert.equal(unused.severity, DiagnosticSeverity.Hint);
        assert.deepEqual(unused.tags, [DiagnosticTag.Unnecessary]);
        assert.deepEqual(unused.data, { code: 'unused' });
    });

    it('the parser recovers: two syntax errors and a later unit error are all reported', async function () {
        const { diagnostics } = await diagnosticsOf([
            'parameter k = 2 * * 3',
            'precursor B { initial 1 uM  clearance ) }',
            'compartment cell { volume 3 uM }'
        ].join('\n'));
        const found = diagnostics.map(d => [codeOf(d), d.range.start.line]);
        assert.deepEqual(found.filter(([code]) => code !== 'unused'), [['syntax', 0], ['syntax', 1], ['unit-dimension', 2]]);
    });

    it('`units unchecked` silences every unit check of the file and nothing else', async function () {
        const body = 'compartment cell { volume 2 uM }\nprecursor A { initial 3 furlongs  supply 1  clearance 1 }\nparameter k = -1\nrule r = A * k';
        const checked = await diagnosticsOf(body);
        const unchecked = await diagnosticsOf(`model M units unchecked\n${body}`);
        const unitCodes = ['unit-dimension', 'unit-unknown', 'unit-missing'];
        assert.deepEqual([...new Set(checked.diagnostics.map(codeOf).filter(code => unitCodes.includes(code)))].sort(), unitCodes.sort());
        assert.deepEqual(unchecked.diagnostics.filter(d => unitCodes.includes(codeOf(d))), []);
    });
});

describe('scan checks', () => {
    const checked = async (scan: string) => {
        const text = `precursor A { supply 1 uM/min clearance 1 /min }\nscenario Base { simulate 1 min }\n${scan}\n`;
        return (await buildWorkspace({ 'scan.cascade': text })).get('scan.cascade')!.diagnostics!.map(d => `${codeOf(d)}: ${d.message}`);
    };

    it('a varied property the target lacks is wrong-kind; steps must be whole and ≥ 2; log needs values above 0', async () => {
        assert.deepEqual(await checked('scan S { from Base vary A vmax from 1 uM/min to 2 uM/min in 3 steps measure A }'),
            ["wrong-kind: 'A' is a precursor and has no 'vmax'; it has initial, supply, clearance, molar_mass."]);
        assert.deepEqual(await checked('scan S { from Base vary A supply from 0 uM/min to 2 uM/min in 2.5 steps log measure A }'), [
            'range: A scan needs a whole number of at least 2 steps, not 2.5.',
            'range: A log scan needs values above 0, not 0.'
        ]);
    });

    it('one or two vary lines, a from and a measure', async () => {
        assert.deepEqual(await checked('scan S { vary A supply from 1 uM/min to 2 uM/min in 3 steps }'), [
            "missing-kinetics: Scan S needs 'from Scenario'.", "missing-kinetics: Scan S needs 'measure …'."
        ]);
        assert.deepEqual(await checked('scan S { from Base measure A }'), ['range: A scan varies one property (a dose–response) or two (a grid), not 0.']);
    });

    it('the values are in the property unit', async () => {
        const found = await checked('scan S { from Base vary A supply from 1 uM to 2 uM in 3 steps measure A }');
        assert.ok(found.length > 0 && found.every(d => d.startsWith('unit-dimension')), found.join('\n'));
    });
});
