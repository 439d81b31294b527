import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { simulateScenario } from '@neurocascade/simulator';
import { lower } from '../lowering/lower-helper.js';

/**
 * The new rate laws over time against an independent reading: the same equations written out by
 * hand in Python and integrated by SciPy's solve_ivp (Radau, rtol 1e-11). Skipped, loudly, without
 * python3 and SciPy.
 */
const MODEL = `
compartment cell { volume 1 pL }
compartment syn { volume 0.1 pL }
precursor A in cell { initial 10 uM  supply 1 uM/min }
cofactor Na in cell { initial 10 uM  supply 0.5 uM/min }
metabolite B in cell { clearance 0.5 /min }
intermediate X in cell { initial 5 uM }
intermediate Y in cell { initial 1 uM }
intermediate D in cell
metabolite Q in cell { clearance 0.2 /min }
transmitter NEo in syn { initial 2 uM  supply 0.3 uM/min }
transmitter DAo in syn { initial 1 uM  supply 0.2 uM/min }
transmitter NE in cell { clearance 1 /min }
transmitter DA in cell { clearance 1 /min }
intermediate I in syn { initial 0.5 uM  clearance 0.05 /min }
transporter T { moves A + Na -> B  vmax 2 uM/min  km A 10 uM  km Na 20 uM }
enzyme Rev in cell { converts X <-> Y  vmax 3 uM/min  km 2 uM  keq 2.5  km_product 4 uM }
enzyme Coop in cell { converts B -> Q  vmax 1.5 uM/min  km 2 uM  hill 2.5 }
reaction R in cell { 2 Y <-> D  kf 0.1 /(uM*min)  kr 0.5 /min }
transporter NET {
    moves NEo -> NE
    vmax 2 uM/min
    km 0.4 uM
    moves DAo -> DA
    vmax 3 uM/min
    km 0.7 uM
    inhibited by I ki 1 uM
}
scenario Run { simulate 30 min  step 3 min  observe A, Na, B, X, Y, D, Q, NEo, DAo, NE, DA, I }
`;

const SCRIPT = String.raw`
import json, sys
import numpy as np
from scipy.integrate import solve_ivp
names = ['A', 'Na', 'B', 'X', 'Y', 'D', 'Q', 'NEo', 'DAo', 'NE', 'DA', 'I']
def rhs(t, y):
    A, Na, B, X, Y, D, Q, NEo, DAo, NE, DA, I = y
    vT = 2 * A / (10 + A) * Na / (20 + Na)                      # co-transport, product of saturations
    vRev = 3 * (X - Y / 2.5) / 2 / (1 + X / 2 + Y / 4)           # Haldane
    vCoop = 1.5 * B**2.5 / (2**2.5 + B**2.5)                     # Hill
    vR = 0.1 * Y**2 - 0.5 * D                                    # mass action both ways
    den = (1 + I / 1) + NEo / 0.4 + DAo / 0.7                   # one carrier, competing substrates
    vNE, vDA = 2 * (NEo / 0.4) / den, 3 * (DAo / 0.7) / den     # per litre of syn (the sources' compartment)
    r = 0.1 / 1.0                                                # V(syn)/V(cell)
    return [1 - vT, 0.5 - vT, vT - vCoop - 0.5 * B, -vRev, vRev - 2 * vR, vR, vCoop - 0.2 * Q,
            0.3 - vNE, 0.2 - vDA, vNE * r - NE, vDA * r - DA, -0.05 * I]
y0 = [10, 10, 0, 5, 1, 0, 0, 2, 1, 0, 0, 0.5]
times = [float(t) for t in sys.argv[1].split(',')]
sol = solve_ivp(rhs, (0, times[-1]), y0, method='Radau', t_eval=times, rtol=1e-11, atol=1e-13)
print(json.dumps({n: sol.y[i].tolist() for i, n in enumerate(names)}))
`;

function scipyAvailable(): boolean {
    return spawnSync('python3', ['-c', 'import scipy.integrate'], { encoding: 'utf8' }).status === 0;
}

describe('the new rate laws over time, against SciPy', () => {
    it('co-transport, Haldane, Hill, reversible mass action and a competing carrier agree with solve_ivp to 1e-6', async function () {
        this.timeout(30_000);
        if (!scipyAvailable()) {
            console.warn('    SKIPPED: python3 with SciPy is not available, so the SciPy reference of the new rate laws was not run');
            this.skip();
        }
        const model = await lower(MODEL);
        const result = simulateScenario(model, 'Run', { rtol: 1e-10, atol: 1e-12 });
        const python = spawnSync('python3', ['-c', SCRIPT, result.time.join(',')], { encoding: 'utf8' });
        assert.equal(python.status, 0, python.stderr);
        const reference = JSON.parse(python.stdout) as Record<string, number[]>;
        for (const series of result.series) {
            series.values.forEach((value, i) => {
                const expected = reference[series.name][i];
                assert.ok(Math.abs(value - expected) <= 1e-6 * Math.abs(expected) + 1e-9,
                    `${series.name} at ${result.time[i]} min: ${value} here, ${expected} in SciPy`);
            });
        }
    });
});
