import assert from 'node:assert/strict';
import { simulateScenario } from '@neurocascade/simulator';
import { buildWorkspace, codeOf } from '../validation/validation-fixtures.js';
import { lower } from './lower-helper.js';

/** Names every JavaScript object answers from its prototype; all are legal Cascade names. */
const OBJECT_BUILTIN_NAMES = ['toString', 'constructor', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf'];

/** A decays by clearance 0.1 /min and by a reaction 0.1 /min · fn(A) with fn(x) = 2x: A(t) = exp(-0.3 t) µM. */
const decay = (name: string) => `
    compartment c { volume 1 uL }
    function ${name}(x) = x * 2
    parameter k = 0.1 /min
    precursor A in c { initial 1 uM  clearance 0.1 /min }
    reaction R { A -> rate k * ${name}(A) }
    scenario S { simulate 10 min }
`;

describe('functions named like JavaScript object built-ins', () => {
    for (const name of OBJECT_BUILTIN_NAMES) {
        it(`a declared function '${name}' lowers and simulates as written`, async () => {
            const result = simulateScenario(await lower(decay(name)), 'S');
            const a = result.series.find(series => series.name === 'A')!.values;
            result.time.forEach((t, i) => assert.ok(Math.abs(a[i] - Math.exp(-0.3 * t)) < 1e-5, `A(${t}) = ${a[i]}`));
        });
    }

    it('a call of an undeclared object built-in name is reported as unresolved', async () => {
        const files = Object.fromEntries(OBJECT_BUILTIN_NAMES.map(name => [`${name}.cascade`,
            decay(name).replace(/function .*\n/, '')]));
        for (const [file, document] of await buildWorkspace(files)) {
            const errors = (document.diagnostics ?? []).filter(d => d.severity === 1).map(codeOf);
            assert.deepEqual(errors, ['unresolved'], file);
        }
    });

    it('a declared function named like a time course takes its arguments by position', async () => {
        const model = await lower(`
            compartment c { volume 1 uL }
            function pulse(x, y) = x * y
            precursor A in c { initial 1 uM  clearance pulse(0.1 /min, 3) }
            scenario S { simulate 10 min }
        `);
        const result = simulateScenario(model, 'S');
        const a = result.series.find(series => series.name === 'A')!.values;
        assert.ok(Math.abs(a.at(-1)! - Math.exp(-3)) < 1e-5, `A(10 min) = ${a.at(-1)}`);
    });
});
