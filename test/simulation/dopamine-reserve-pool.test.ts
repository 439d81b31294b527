import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModelFromFile } from '@neurocascade/language';
import { compileModel, steadyStateOfScenario, type CompiledModel } from '@neurocascade/simulator';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** MAO-A−/− against the wild type, as compiled by Dalvi-Garcia et al. 2021 (docs/models.md): fractional changes. */
const LITERATURE = { DA_ext: { low: 0.03, high: 0.12 }, TissueDA: { low: 0.12, high: 2 } };

/**
 * examples/dopamine.cascade keeps most vesicular dopamine in a reserve pool that tonic
 * exocytosis reaches only through a saturable mobilisation. That is there for one number: in
 * MAO-A−/− mice stores grow while extracellular dopamine barely moves (+12…200 % against
 * +3…12 %). With one vesicular pool, release and stores are both first order in the same
 * content, so they rise by the same share; the same model with the transfer into the reserve
 * stopped (the reserve empties and the releasable pool is the only one) is that reference.
 */
describe('the dopamine model\'s reserve pool (examples/dopamine.cascade)', function () {
    this.timeout(60_000);
    let folder: string;
    let model: CompiledModel;

    before(async () => {
        folder = mkdtempSync(join(tmpdir(), 'cascade-reserve-pool-'));
        const file = join(folder, 'dopamine.cascade');
        writeFileSync(file, readFileSync(join(root, 'examples/dopamine.cascade'), 'utf8') + `
scenario OnePool extends Baseline { inhibit Storage 100% }
scenario OnePool_MAO_KO extends MAO_KO { inhibit Storage 100% }
`);
        const loaded = await loadModelFromFile(file);
        assert.ok(loaded.model, loaded.diagnostics.map(d => d.message).join('; '));
        model = compileModel(loaded.model);
    });
    after(() => rmSync(folder, { recursive: true, force: true }));

    /** Each quantity's fractional change at steady state, `knockout` against `baseline`. */
    function rises(knockout: string, baseline: string): { DA_ext: number; TissueDA: number } {
        const steady = (scenario: string) => {
            const report = steadyStateOfScenario(model, scenario);
            assert.ok(report.converged, `${scenario}: ${report.reason}`);
            return new Map(report.values.map(v => [v.name, v.value]));
        };
        const before = steady(baseline), after = steady(knockout);
        const rise = (name: string) => after.get(name)! / before.get(name)! - 1;
        return { DA_ext: rise('DA_ext'), TissueDA: rise('TissueDA') };
    }

    it('MAO-A−/−: tissue dopamine rises inside the literature range, extracellular dopamine by less than half as much', () => {
        const { DA_ext, TissueDA } = rises('MAO_KO', 'Baseline');
        assert.ok(TissueDA >= LITERATURE.TissueDA.low && TissueDA <= LITERATURE.TissueDA.high, `tissue DA ${(TissueDA * 100).toFixed(1)} %`);
        assert.ok(DA_ext > 0 && DA_ext < TissueDA / 2, `extracellular DA ${(DA_ext * 100).toFixed(1)} % against tissue DA ${(TissueDA * 100).toFixed(1)} %`);
    });

    it('with one vesicular pool extracellular dopamine follows the stores, further from the literature', () => {
        const onePool = rises('OnePool_MAO_KO', 'OnePool');
        const reserve = rises('MAO_KO', 'Baseline');
        // Release and stores first order in the same content: release keeps pace with the stores (the
        // DAT's saturation and the D2 feedback move it by some points either way).
        assert.ok(onePool.DA_ext >= 0.8 * onePool.TissueDA, `one pool: extracellular ${(onePool.DA_ext * 100).toFixed(1)} %, tissue ${(onePool.TissueDA * 100).toFixed(1)} %`);
        assert.ok(reserve.DA_ext - LITERATURE.DA_ext.high < onePool.DA_ext - LITERATURE.DA_ext.high,
            `with the reserve ${(reserve.DA_ext * 100).toFixed(1)} %, with one pool ${(onePool.DA_ext * 100).toFixed(1)} %`);
    });
});
