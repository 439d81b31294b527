import { strict as assert } from 'node:assert';
import { lower, near } from './lower-helper.js';

describe('lowering populations (docs/reference.md#populations)', () => {
    const model = `
        precursor Trp { supply 0.5 uM/min clearance 0.01 /min }
        enzyme E { converts Trp -> Out vmax 1 uM/min km 5 uM }
        metabolite Out { clearance 1 /min }
        receptor R { binds Out kd 1 uM density 1 }
        scenario Base { simulate 1 h observe Trp, Out }
    `;

    it('lowers every distribution in base units, percentages as fractions, truncation, size, seed and the measuring point', async () => {
        const ir = await lower(`${model}
            population P "variability" {
                from Base
                vary E vmax lognormal(cv 30%)
                vary R density normal(sd 10%) truncated
                vary E km normal(sd 500 nM)
                vary Trp supply uniform(from 0.1 uM/h to 0.2 uM/min)
                size 1000
                seed 7
                measure Out, R.occupancy
                at 2 h
            }
        `);
        const [p] = ir.populations!;
        assert.deepEqual([p.name, p.title, p.from, p.size, p.seed, p.at], ['P', 'variability', 'Base', 1000, 7, 120]);
        assert.deepEqual(p.vary.map(v => [v.target, v.property, v.truncated]), [['E', 'vmax', false], ['R', 'density', true], ['E', 'km', false], ['Trp', 'supply', false]]);
        const [vmax, density, km, supply] = p.vary.map(v => v.distribution);
        assert.equal(vmax.kind, 'lognormal');
        near(vmax.kind === 'lognormal' && vmax.cv, 0.3);
        assert.deepEqual(density.kind === 'normal' && [density.relative], [true]);
        near(density.kind === 'normal' && density.sd, 0.1);
        assert.deepEqual(km.kind === 'normal' && [km.relative], [false]);
        near(km.kind === 'normal' && km.sd, 0.5);
        assert.equal(supply.kind, 'uniform');
        near(supply.kind === 'uniform' && supply.from, 0.1 / 60);
        near(supply.kind === 'uniform' && supply.to, 0.2);
        assert.deepEqual(p.measure.map(m => m.name), ['Out', 'R.occupancy']);
    });

    it('without measure or at: no measured quantities (the scenario observes them) and the time course; seed 0; at steady', async () => {
        const ir = await lower(`${model}
            population A { from Base vary E vmax lognormal(cv 0.2) size 10 }
            population B { from Base vary E vmax lognormal(cv 0.2) size 10 at steady }
        `);
        const [a, b] = ir.populations!;
        assert.deepEqual([a.measure, a.at, a.seed, b.at], [[], undefined, 0, 'steady']);
        near(a.vary[0].distribution.kind === 'lognormal' && a.vary[0].distribution.cv, 0.2);
    });
});
