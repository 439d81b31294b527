import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyFittedValues, fittedValueEdits } from '../../src/workspace/fitted-values.js';
import { ModelLoader } from '../../src/workspace/model-loader.js';

const LIBRARY = 'parameter k_lib = 2 /min\n';
const MODEL = `import "library.cascade"
parameter k_cat = 0.5 /min
precursor Tyr { initial 50 uM }
transmitter DA { initial 20 nM  clearance 1 /min  molar_mass 153.18 g/mol }
enzyme TH { converts Tyr -> DA  vmax 2 * k_cat * 1 uM  km 40 uM  inhibited by DA ki 153.18 ng/mL }
receptor D2 { binds DA  kd 10 nM  density 80% }
`;

describe('writing fitted values into the model text (cascade fit --write)', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'cascade-fitted-'));
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('replaces numbers in the units written, in base units where the written unit converts through a molar mass; says why it leaves the rest', async () => {
        writeFileSync(path.join(folder, 'library.cascade'), LIBRARY);
        const file = path.join(folder, 'model.cascade');
        writeFileSync(file, MODEL);
        const loader = new ModelLoader();
        loader.addWorkspaceRoot(folder);
        const [loaded] = await loader.loadFiles([file]);
        const { edits, skipped } = fittedValueEdits(loaded.document, [
            { name: 'k_cat', property: 'value', value: 0.25, unit: '/min' },
            { name: 'TH', property: 'km', substrate: 'Tyr', value: 12.5, unit: 'uM' },
            { name: 'D2', property: 'kd', value: 0.0031, unit: 'uM' },
            { name: 'D2', property: 'density', value: 0.6, unit: '1' },
            { name: 'TH', property: 'ki', substrate: 'DA', value: 2, unit: 'uM' },
            { name: 'TH', property: 'vmax', value: 3, unit: 'uM/min' },
            { name: 'k_lib', property: 'value', value: 1, unit: '/min' },
            { name: 'D2', property: 'hill', value: 1.2, unit: '1' }
        ]);
        assert.deepEqual(skipped, [
            { label: 'TH.vmax', reason: 'written as an expression (2 * k_cat * 1 uM), left as it is' },
            { label: 'k_lib', reason: 'declared in another file' },
            { label: 'D2.hill', reason: 'not written in its declaration; add it with the fitted value' }
        ]);
        assert.deepEqual(edits.map(e => [e.label, e.text, e.line]).sort(), [
            ['k_cat', '0.25 /min', 2], ['TH.km.Tyr', '12.5 uM', 5], ['TH.ki.DA', '2 uM', 5], ['D2.kd', '3.1 nM', 6], ['D2.density', '60%', 6]
        ].sort());
        const text = applyFittedValues(loaded.document, edits);
        assert.equal(text, MODEL
            .replace('k_cat = 0.5 /min', 'k_cat = 0.25 /min')
            .replace('km 40 uM', 'km 12.5 uM')
            .replace('ki 153.18 ng/mL', 'ki 2 uM')
            .replace('kd 10 nM', 'kd 3.1 nM')
            .replace('density 80%', 'density 60%'));
    });
});
