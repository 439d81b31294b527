import assert from 'node:assert/strict';
import type { Expr } from '../../src/ir.js';
import { compileModel } from '../../src/model/compiled-model.js';
import { ModelError } from '../../src/model/errors.js';
import { simulateScenario } from '../../src/run/simulate.js';
import { at, dose, model, set, when } from './helpers/ir-builder.js';
import { literal } from '../../src/model/codegen.js';

const hostile = [
    'x"; globalThis.pwned = 1; "',
    "y'); globalThis.pwned = 2; ('",
    '`${globalThis.pwned = 3}`',
    '</script><script>globalThis.pwned = 4</script>',
    '\u2028globalThis.pwned = 5\u2029',
    '*/ globalThis.pwned = 6 /*',
    '\\u0027); globalThis.pwned = 7; //',
    '__proto__',
    'constructor'
];
const name = (i: number): Expr => ({ kind: 'name', name: hostile[i] });

describe('generated code is safe from what users write', () => {
    afterEach(() => { delete (globalThis as { pwned?: number }).pwned; });

    it('names and labels never reach the generated source, and running executes nothing of them', () => {
        const [s0, s1, s2, s3, s4, s5, s6, s7, s8] = hostile;
        const b = model().compartment(s8, 1).species(s0, { initial: 1, supply: 0.2 }).species(s1, { clearance: 0.1 })
            .species(s7, { initial: 2 }).parameter(s2, 0.3).modulator(s5, 2)
            .receptor(s3, s1, { kd: 1, effect: 'excitatory' }).receptor(s6, s7, { kd: 2, effect: 'inhibitory' })
            .process(s4, 'reaction', 'A -> B', { type: 'expression', rate: { kind: 'binary', op: '*', left: name(2), right: name(0) } });
        b.ir.processes[0].reactants = [{ species: s0, coefficient: 1 }];
        b.ir.processes[0].products = [{ species: s1, coefficient: 1 }];
        b.ir.functions.push({ name: s5 + 'f', parameters: [s6 + 'p'], body: { kind: 'binary', op: '*', left: { kind: 'name', name: s6 + 'p' }, right: name(8) } });
        b.ir.rules.push({ name: s3 + 'r', unit: '1', expression: { kind: 'call', fn: s5 + 'f', args: [{ kind: 'member', name: s3, member: 'occupancy' }] } });
        b.ir.effects.push({ source: { kind: 'modulator', name: s5 }, direction: 'increases', target: s4, property: 'activity', max: { kind: 'number', value: 0.5 }, ec50: { kind: 'number', value: 1 }, hill: { kind: 'number', value: 1 } });
        b.scenario(s2 + 's', 10, {
            observe: [
                { name: s3 + 'r', unit: s0, expression: { kind: 'name', name: s3 + 'r' } },
                { name: 'balance', unit: '1', expression: { kind: 'balance' } },
                { name: s5, unit: '1', expression: { kind: 'member', name: s5, member: 'level' } }
            ],
            events: [at(2, dose(s0, 1)), when('t > 3', set(s2, 'value', 0.1))],
            expects: [{ label: s6, readings: [{ expression: name(1), at: 5 }], value: { kind: 'name', name: '$0' }, low: 0, high: 10, unit: s4 }]
        });
        const ir = b.build();
        const m = compileModel(ir);
        const r = simulateScenario(m, s2 + 's');
        assert.equal((globalThis as { pwned?: number }).pwned, undefined);
        assert.ok(r.series.every(s => s.values.every(Number.isFinite)));
        assert.equal(r.series[0].name, s3 + 'r');
        assert.ok(m.sources.length > 3);
        for (const source of m.sources) {
            for (const n of hostile) assert.ok(!source.includes(n), `generated source contains the name ${JSON.stringify(n)}`);
            assert.ok(!/pwned|script|\u2028|\u2029|`|"[^u]|'/.test(source.replace('"use strict";', '')), 'unexpected text in the generated source');
        }
    });

    it('rejects a number field that is not a number instead of emitting it', () => {
        const ir = model().species('X', { initial: 1 }).build();
        (ir.species[0].supply as { value: unknown }).value = '1; globalThis.pwned = 8';
        assert.throws(() => compileModel(ir), (e: Error) => e instanceof ModelError && /a number was expected/.test(e.message));
        assert.equal((globalThis as { pwned?: number }).pwned, undefined);
    });

    it('formats every number, NaN and the infinities as literals', () => {
        for (const v of [0, -0, 1.5, -2e-300, 1e21, 5e-324, Number.MAX_VALUE, NaN, Infinity, -Infinity]) {
            assert.ok(Object.is(new Function(`return ${literal(v)};`)(), v), `round trip of ${v}`);
        }
    });

    it('an unknown function named like an Object property is an error, not a lookup', () => {
        const ir = model().species('X').rule('r', 'constructor(X)').build();
        assert.throws(() => compileModel(ir), (e: Error) => e instanceof ModelError && /unknown function 'constructor'/.test(e.message));
    });
});
