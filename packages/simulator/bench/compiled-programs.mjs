// What the model compiler produces, written out so that two builds of it can be compared (a change
// meant only to make compiling faster must leave this unchanged): for every example model that
// loads without errors and the generated networks of 10, 100 and 1,000 species, the sources of the
// right-hand side, initial-value and Jacobian programs, the Jacobian's pattern, the slots, and the
// values of the right-hand side, the Jacobian, the derivatives by state and by slot, the initial
// values and the process fluxes (and their derivatives by slot) at three seeded random states,
// each number as its exact shortest decimal text.
//   node packages/simulator/bench/compiled-programs.mjs [simulator build folder, default ../out] > programs.json
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadModelFromFile } from '@neurocascade/language';
import { NETWORKS, networkModel } from './network-model.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const build = resolve(process.argv[2] ?? join(here, '../out'));
const { compileModel } = await import(pathToFileURL(join(build, 'src/index.js')).href);

const examples = resolve(here, '../../../examples');
const files = readdirSync(examples, { recursive: true }).filter(f => f.endsWith('.cascade')).sort();
const models = [];
for (const file of files) {
    const { model, diagnostics } = await loadModelFromFile(join(examples, file));
    if (model && !diagnostics.some(d => d.severity === 1)) models.push([file, model]);
}
for (const kind of Object.keys(NETWORKS)) for (const n of [10, 100, 1000]) models.push([`${kind} network, ${n} species`, networkModel(n, kind)]);

// A fixed linear congruential sequence: both builds see the same states.
let seed = 12345;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const exact = values => [...values].map(v => (Object.is(v, -0) ? '-0' : String(v))).join(',');
const evaluated = (program, size, t, y) => {
    const out = new Float64Array(size);
    program(t, y, out);
    return exact(out);
};

const out = {};
for (const [name, ir] of models) {
    let m;
    try {
        m = compileModel(ir);
    } catch (e) {
        out[name] = { error: e.message };
        continue;
    }
    const sources = [...m.sources];
    const n = m.stateNames.length;
    const { derivatives, fluxes } = m.system;
    const byState = m.derivatives(derivatives, 'y'), bySlot = m.derivatives(derivatives, 'p'), fluxBySlot = m.derivatives(fluxes, 'p');
    const fluxProgram = m.program(fluxes);
    const pattern = p => [exact(p.rowStart), exact(p.colIndex)];
    const states = Array.from({ length: 3 }, () => {
        const y = Float64Array.from({ length: n }, () => 10 * random());
        const t = 100 * random();
        const initial = new Float64Array(n);
        m.initialValues(y, initial);
        return {
            rhs: evaluated(m.rhs, n, t, y), jacobian: evaluated(m.jacobian.evaluate, m.jacobian.pattern.colIndex.length, t, y),
            byState: evaluated(byState.evaluate, byState.pattern.colIndex.length, t, y),
            bySlot: evaluated(bySlot.evaluate, bySlot.pattern.colIndex.length, t, y),
            initial: exact(initial), fluxes: evaluated(fluxProgram, fluxes.length, t, y),
            fluxBySlot: evaluated(fluxBySlot.evaluate, fluxBySlot.pattern.colIndex.length, t, y)
        };
    });
    out[name] = {
        sources, jacobianPattern: pattern(m.jacobian.pattern), bySlotPattern: pattern(bySlot.pattern), fluxBySlotPattern: pattern(fluxBySlot.pattern),
        slots: exact(m.slots), dependsOnTime: m.dependsOnTime, states
    };
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
