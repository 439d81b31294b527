import { strict as assert } from 'node:assert';
import { buildWorkspace, codeOf } from './validation-fixtures.js';

describe('population checks (docs/reference.md#populations)', () => {
    const checked = async (population: string) => {
        const text = `precursor A { supply 1 uM/min clearance 1 /min }\nenzyme E { converts A -> B vmax 1 uM/min km 1 uM }\n` +
            `metabolite B { clearance 1 /min }\nscenario Base { simulate 1 min }\n${population}\n`;
        return (await buildWorkspace({ 'population.cascade': text })).get('population.cascade')!.diagnostics!.map(d => `${codeOf(d)}: ${d.message}`);
    };

    it('accepts the fixed forms', async () => {
        assert.deepEqual(await checked(`population P {
            from Base
            vary E vmax lognormal(cv 30%)
            vary E km normal(sd 10%) truncated
            vary A supply normal(sd 0.1 uM/min)
            vary A clearance uniform(from 0.5 /min to 2 /min)
            size 1000 seed 7 measure B at 24 h
        }`), []);
    });

    it('a property the target lacks is wrong-kind; values of the wrong dimension are unit-dimension', async () => {
        assert.deepEqual(await checked('population P { from Base vary A vmax lognormal(cv 30%) size 10 }'),
            ["wrong-kind: 'A' is a precursor and has no 'vmax'; it has initial, supply, clearance, molar_mass."]);
        const found = await checked('population P { from Base vary E vmax normal(sd 2 uM) vary E km uniform(from 1 /min to 2 /min) vary B clearance lognormal(cv 2 uM) size 10 }');
        assert.deepEqual(found.map(d => d.split(':')[0]), ['unit-dimension', 'unit-dimension', 'unit-dimension', 'unit-dimension'], found.join('\n'));
    });

    it('cv and sd above 0, from below to, a whole size ≥ 1, a whole seed', async () => {
        assert.deepEqual(await checked('population P { from Base vary E vmax lognormal(cv 0%) vary E km normal(sd -1 uM) vary B clearance uniform(from 2 /min to 1 /min) size 0.5 seed -1 }'), [
            'range: A population needs a whole number of at least 1 member, not 0.5.',
            'range: A seed is a whole number from 0 to 2^32 − 1, not -1.',
            'range: The cv must be greater than 0, not 0.',
            'range: The sd must be greater than 0, not -1.',
            'range: uniform needs from below to (2 is not below 1).'
        ]);
    });

    it('a uniform range reaching below the valid range needs truncated; truncated on a lognormal changes nothing', async () => {
        assert.deepEqual(await checked('population P { from Base vary E vmax uniform(from 0 uM/min to 1 uM/min) size 10 }'),
            ["range: vmax must be greater than 0: move 'from' or add 'truncated'."]);
        assert.deepEqual(await checked('population P { from Base vary E vmax uniform(from 0 uM/min to 1 uM/min) truncated size 10 }'), []);
        assert.deepEqual(await checked('population P { from Base vary E vmax lognormal(cv 10%) truncated size 10 }'),
            ["range: A lognormal value is always above 0: 'truncated' changes nothing."]);
    });

    it('from, vary and size are required; each once; a property varied once', async () => {
        assert.deepEqual(await checked('population P { seed 1 }'), [
            "missing-kinetics: Population P needs 'from Scenario'.", "missing-kinetics: Population P needs 'vary …'.", "missing-kinetics: Population P needs 'size N'."
        ]);
        assert.deepEqual(await checked('population P { from Base from Base vary E vmax lognormal(cv 1%) vary E vmax lognormal(cv 2%) size 1 size 2 }'), [
            "duplicate: Population P has more than one 'from'.", "duplicate: Population P has more than one 'size'.", 'duplicate: E vmax is varied twice.'
        ]);
    });
});
