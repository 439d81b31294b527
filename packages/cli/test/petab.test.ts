import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cascade, folderWith } from './run-cli.js';

const MODEL = `model Conversion
compartment cell { volume 1 pL }
precursor A in cell { initial 10 uM  fixed }
intermediate B in cell { clearance 0.05 /min }
enzyme E in cell { converts A -> B  vmax 2 uM/min  km 5 uM }
scenario Control { simulate 30 min }
scenario Half extends Control { inhibit E 50% }
data D {
    Control B at 5 min 6 uM ± 0.5 uM
    Half B at steady 20 uM ± 2 uM
}
fit F {
    data D
    estimate E vmax in [0.1 uM/min, 10 uM/min] log
}
`;

describe('cascade petab', () => {
    it('exports a fit as a PEtab problem and imports it back as a file that checks clean', () => {
        const folder = folderWith({ 'conversion.cascade': MODEL });
        const exported = cascade(['petab', 'export', 'conversion.cascade', '--out', 'problem'], folder);
        assert.equal(exported.status, 0, exported.stderr);
        assert.equal(exported.stdout, `${path.join('problem', 'F.yaml')}: written\n`);
        const imported = cascade(['petab', 'import', 'problem/F.yaml', '-o', 'back.cascade'], folder);
        assert.equal(imported.status, 0, imported.stderr);
        const text = readFileSync(path.join(folder, 'back.cascade'), 'utf8');
        assert.match(text, /^ {4}Half B at steady 20 ± 2$/m);
        assert.match(text, /^ {4}estimate E_vmax in \[0\.1, 10\] log$/m);
        const checked = cascade(['check', 'back.cascade'], folder);
        assert.equal(checked.status, 0, checked.stdout + checked.stderr);
    });

    it("exports a fit from a file that imports its model from the project's parent folder, as check does", () => {
        const folder = folderWith({ 'package.json': '{}', 'conversion.cascade': MODEL.replace(/^data D[\s\S]*$/m, '') });
        mkdirSync(path.join(folder, 'fits'));
        writeFileSync(path.join(folder, 'fits', 'fit.cascade'), `import "../conversion.cascade"\n${/^data D[\s\S]*$/m.exec(MODEL)![0]}`);
        const run = cascade(['petab', 'export', 'fits/fit.cascade', '--out', 'problem'], folder);
        assert.equal(run.status, 0, run.stderr);
        assert.ok(existsSync(path.join(folder, 'problem', 'measurementData_F.tsv')));
    });

    it('says what is missing: the action, --out, a fit name that exists; a bad problem file names file and line', () => {
        const folder = folderWith({ 'conversion.cascade': MODEL, 'bad.yaml': 'format_version: 1\nproblems: [\n' });
        const noAction = cascade(['petab'], folder);
        assert.equal(noAction.status, 2);
        assert.match(noAction.stderr, /petab needs 'export' or 'import'/);
        const noOut = cascade(['petab', 'export', 'conversion.cascade'], folder);
        assert.equal(noOut.status, 2);
        assert.match(noOut.stderr, /petab export needs --out DIR/);
        const noFit = cascade(['petab', 'export', 'conversion.cascade', '--name', 'G', '--out', 'x'], folder);
        assert.equal(noFit.status, 2);
        assert.match(noFit.stderr, /no fit 'G' \(the file has: F\)/);
        assert.ok(!existsSync(path.join(folder, 'x')), 'nothing written');
        const bad = cascade(['petab', 'import', 'bad.yaml'], folder);
        assert.equal(bad.status, 1);
        assert.match(bad.stderr, /^cascade: bad\.yaml:\d+: /);
    });
});
