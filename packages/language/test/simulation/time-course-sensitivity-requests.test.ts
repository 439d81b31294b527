import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { createCascadeServices } from '../../src/cascade-module.js';
import { CascadeSimulations } from '../../src/simulation/cascade-simulations.js';
import { MAX_RANKING_SIZE, TIME_COURSE_PARAMETERS } from '../../src/simulation/time-course-sensitivity-task.js';
import type { TimeCourseSensitivityResult } from '../../src/simulation/simulation-protocol.js';

// X' = s − kX from 0: X = (s/k)(1 − e^(−kt)), so (dX/X)/(ds/s) = 1 and (dX/X)/(dk/k) = −1 + kt·e^(−kt)/(1 − e^(−kt)).
const SMALL = `precursor X { supply 2 uM/min clearance 0.25 /min }
scenario Rise { simulate 20 min step 2 min observe X }
`;

// Five pools settling to 16, 8, 4, 2 and 1 µM: at steady (dTotal/Total)/(ds/s) = X/Total, (dTotal/Total)/(dk/k) = −X/Total.
const POOLS = [['A', 16, 0.1], ['B', 8, 0.2], ['C', 4, 0.3], ['D', 2, 0.4], ['E', 1, 0.5]] as const;
const WIDE = `${POOLS.map(([name, level, k]) => `precursor ${name} { supply ${level * k} uM/min clearance ${k} /min }`).join('\n')}
rule Total = A + B + C + D + E
scenario Fill { simulate 30 min step 3 min observe Total, A }
`;

// G grows without bound (no clearance): no steady state to rank the parameters by.
const GROWING = `precursor G { supply 1 uM/min }
${POOLS.slice(0, 4).map(([name, level, k]) => `precursor ${name} { supply ${level * k} uM/min clearance ${k} /min }`).join('\n')}
rule Total = G + A + B + C + D
scenario Grow { simulate 30 min step 3 min observe Total }
`;

/** `cascade sensitivity <model> --time-course --format json` on the text, as a user runs it. */
function cli(text: string): { parameters: { name: string; property: string }[]; coefficients: (number | null)[][][] } {
    const bin = fileURLToPath(new URL('../../../../cli/bin/cascade.js', import.meta.url));
    const folder = mkdtempSync(path.join(tmpdir(), 'cascade-time-course-'));
    try {
        writeFileSync(path.join(folder, 'model.cascade'), text);
        return JSON.parse(execFileSync(process.execPath, [bin, 'sensitivity', path.join(folder, 'model.cascade'), '--time-course', '--of', 'Total', '--format', 'json'], { encoding: 'utf8' }));
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}

const labels = (result: TimeCourseSensitivityResult) => result.parameters.map(p => `${p.name}.${p.property}`);
const line = (result: TimeCourseSensitivityResult, label: string) => result.parameters[labels(result).indexOf(label)].coefficients;

function close(actual: number | null, expected: number, tolerance: number, what: string): void {
    assert.ok(actual !== null && Math.abs(actual - expected) <= tolerance, `${what}: ${actual}, expected ${expected}`);
}

describe('time-course sensitivity requests', function () {
    this.timeout(60000);
    const { shared, Cascade } = createCascadeServices(EmptyFileSystem);
    const parse = parseHelper(Cascade);
    const simulations = new CascadeSimulations(shared);
    after(() => simulations.dispose());
    const opened = new Map<string, string>();
    const open = async (text: string, name: string) => {
        if (!opened.has(name)) opened.set(name, (await parse(text, { documentUri: `file:///${name}.cascade`, validation: true })).uri.toString());
        return opened.get(name)!;
    };

    it('draws every parameter of a small model along the run, as the analytic sensitivities of X = (s/k)(1 − e^(−kt))', async () => {
        const result = await simulations.timeCourseSensitivities({ uri: await open(SMALL, 'small') });
        assert.equal(result.scenario, 'Rise');
        assert.equal(result.quantity, 'X');
        assert.deepEqual(result.quantities, ['X']);
        assert.equal(result.chosenBy, 'all');
        assert.equal(result.of, result.parameters.length);
        assert.deepEqual(result.time, Array.from({ length: 11 }, (_, i) => 2 * i));
        const s = line(result, 'X.supply'), k = line(result, 'X.clearance');
        // X = 0 at t = 0: no relative change there.
        assert.equal(s[0], null);
        result.time.slice(1).forEach((t, i) => {
            close(s[i + 1], 1, 1e-5, `R of supply at ${t} min`);
            const decay = Math.exp(-0.25 * t);
            close(k[i + 1], -1 + 0.25 * t * decay / (1 - decay), 1e-5, `R of clearance at ${t} min`);
        });
    });

    it('takes the parameters with the largest steady-state response coefficients of the chosen quantity when the model has more', async () => {
        const result = await simulations.timeCourseSensitivities({ uri: await open(WIDE, 'wide'), quantity: 'Total' });
        assert.deepEqual(result.quantities, ['Total', 'A']);
        assert.equal(result.chosenBy, 'steady');
        assert.ok(result.of > TIME_COURSE_PARAMETERS, `${result.of} parameters`);
        // |R| = X/Total at steady: A, B, C and D's supply and clearance, largest first; E's and the volume's left out.
        assert.deepEqual(labels(result), ['A.clearance', 'A.supply', 'B.clearance', 'B.supply', 'C.clearance', 'C.supply', 'D.clearance', 'D.supply']);
        // Along the run (dTotal/Total)/(ds/s) = X(t)/Total(t), each pool filling as (1 − e^(−kt)).
        const fill = (t: number, level: number, k: number) => level * (1 - Math.exp(-k * t));
        result.time.slice(1).forEach((t, i) => {
            const total = POOLS.reduce((sum, [, level, k]) => sum + fill(t, level, k), 0);
            for (const [name, level, k] of POOLS.slice(0, 4)) close(line(result, `${name}.supply`)[i + 1], fill(t, level, k) / total, 1e-5, `${name}.supply at ${t} min`);
        });
        const a = await simulations.timeCourseSensitivities({ uri: await open(WIDE, 'wide'), quantity: 'A' });
        assert.equal(a.quantity, 'A');
        assert.deepEqual(labels(a).slice(0, 2), ['A.clearance', 'A.supply']);
        // A quantity the scenario does not observe (from the tornado's choice): B = 8 µM at steady depends on B's supply and clearance alone.
        const b = await simulations.timeCourseSensitivities({ uri: await open(WIDE, 'wide'), quantity: 'B' });
        assert.deepEqual(b.quantities, ['Total', 'A', 'B']);
        assert.deepEqual(labels(b).slice(0, 2), ['B.clearance', 'B.supply']);
        close(b.parameters[1].coefficients.at(-1)!, 1, 1e-5, 'R of B to its supply at 30 min');
    });

    it('ranks by the largest |R(t)| over the run when there is no steady state, the values of cascade sensitivity --time-course', async () => {
        const result = await simulations.timeCourseSensitivities({ uri: await open(GROWING, 'growing') });
        assert.equal(result.chosenBy, 'run');
        const all = cli(GROWING);
        assert.equal(result.of, all.parameters.length);
        const largest = all.coefficients[0].map(row => Math.max(0, ...row.map(r => Math.abs(r ?? 0))));
        const expected = all.parameters.map((p, j) => ({ label: `${p.name}.${p.property}`, size: largest[j], j }))
            .sort((x, y) => y.size - x.size || x.label.localeCompare(y.label)).slice(0, TIME_COURSE_PARAMETERS);
        assert.deepEqual(labels(result), expected.map(e => e.label));
        // The same equations, integrated with other sensitivities beside them in the error test: the same values to the tolerances.
        expected.forEach((e, j) => all.coefficients[0][e.j].forEach((r, k) => {
            if (r === null) assert.equal(result.parameters[j].coefficients[k], null);
            else close(result.parameters[j].coefficients[k], r, 1e-6 * Math.max(1, Math.abs(r)), `${e.label} at ${result.time[k]} min`);
        }));
        // G = t·1 µM/min: its supply's coefficient is G/Total.
        assert.ok(line(result, 'G.supply').slice(1).every(r => r! > 0 && r! < 1));
    });

    it('refuses, with what to do instead, to rank more sensitivities than MAX_RANKING_SIZE along a run without a steady state', async () => {
        // 250 pools that grow without bound: 250 states × 501 parameters (each supply and clearance, the volume).
        const many = `${Array.from({ length: 250 }, (_, i) => `precursor G${i} { supply ${i + 1} uM/min }`).join('\n')}
scenario Grow { simulate 10 min observe G0 }
`;
        assert.ok(250 * 501 > MAX_RANKING_SIZE);
        await assert.rejects(simulations.timeCourseSensitivities({ uri: await open(many, 'many') }),
            /Scenario Grow has no steady state to rank the model's 501 parameters by.*250 states × 501 parameters.*--wrt/);
    });

    it('names a quantity the scenario cannot differentiate', async () => {
        await assert.rejects(simulations.timeCourseSensitivities({ uri: await open(SMALL, 'small'), quantity: 'Nope' }), /Nope/);
    });
});
