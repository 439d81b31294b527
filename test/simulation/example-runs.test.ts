import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModelFromFile } from '@neurocascade/language';
import { compileModel, runCascadeSequential } from '@neurocascade/simulator';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const examples = join(root, 'examples');
const files = readdirSync(examples).filter(f => f.endsWith('.cascade')).sort().map(f => join(examples, f));

describe('the example library runs clean', function () {
    this.timeout(300_000);

    it('cascade check --simulate examples/*.cascade exits 0: every scenario runs and every expect holds', () => {
        const cli = join(root, 'packages/cli/bin/cascade.js');
        const run = spawnSync(process.execPath, [cli, 'check', '--simulate', '--format', 'json', ...files], { encoding: 'utf8', timeout: 280_000 });
        assert.equal(run.status, 0, run.stdout + run.stderr);
        const diagnostics = JSON.parse(run.stdout) as { severity: string; code: string }[];
        assert.deepEqual(diagnostics.filter(d => d.severity === 'error' || d.code === 'expect-failed'), []);
    });

    for (const file of files) {
        it(`every cascade of ${file.split('/').pop()} gives finite responses for every perturbation`, async () => {
            const { model } = await loadModelFromFile(file);
            assert.ok(model, 'the example checks clean');
            const compiled = compileModel(model);
            for (const cascade of model.cascades) {
                const result = runCascadeSequential(compiled, cascade.name);
                assert.equal(result.perturbations.length, cascade.perturbations.length);
                for (const perturbation of result.perturbations) {
                    for (const response of perturbation.responses) {
                        assert.ok(Number.isFinite(response.base) && Number.isFinite(response.perturbed), `${cascade.name}: ${perturbation.target} → ${response.name}`);
                    }
                }
            }
        });
    }
});
