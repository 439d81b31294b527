/**
 * The knockout tables of docs/models.md from the project's own output: each calibration file
 * under examples/calibration is fitted (`fit Calibration`: the *assumption* parameters against
 * the measured baselines and the knockout ranges), its parameters profiled for 95 % intervals,
 * and every literature range of the validation files (also those the fit's objective leaves out)
 * compared with the model as written and as fitted. `--write docs/models.md` replaces the text between the calibration markers there.
 *
 *   npm run build && node packages/cli/scripts/calibration-table.mjs [--starts N] [--write docs/models.md]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ModelLoader } from '@neurocascade/language';
import { writeFileAtomic } from '@neurocascade/simulator/atomic-write';
import { evaluateFit, fitModel, formatNumber, profileLikelihood } from '@neurocascade/simulator';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { values: options } = parseArgs({ options: { starts: { type: 'string', default: '3' }, write: { type: 'string' } } });
const CALIBRATIONS = ['dopamine', 'serotonin'].map(name => ({ name, file: path.join(root, 'examples/calibration', `${name}-calibration.cascade`) }));
const BEGIN = '<!-- calibration-table: begin (node packages/cli/scripts/calibration-table.mjs --write docs/models.md) -->';
const END = '<!-- calibration-table: end -->';

/**
 * docs/models.md's classes: yes inside the range; near outside it by less than 20 % of the
 * nearest bound; direction the right sign; wrong the other sign.
 */
function match(value, low, high) {
    if (value >= low && value <= high) return 'yes';
    const bound = value < low ? low : high;
    if (Math.abs(value - bound) < 0.2 * Math.abs(bound)) return 'near';
    return Math.sign(value) === Math.sign((low + high) / 2) ? 'direction' : 'wrong';
}

const percent = fraction => `${fraction >= 0 ? '+' : '−'}${formatNumber(Math.abs(fraction) * 100)} %`;
const range = (low, high) => `${percent(low)} … ${percent(high)}`;

/**
 * The model with its fit reading every scenario that has relative expects (the knockout table),
 * whether or not the calibration's data name it: evaluated at given values, it reports every row.
 */
function reportingModel(model) {
    const fit = model.fits.find(f => f.name === 'Calibration');
    const [reading] = model.datasets.find(d => d.name === fit.data[0]).measurements;
    const knockouts = model.scenarios.filter(s => s.expects.some(e => e.relativeTo !== undefined));
    const dataset = { name: 'KnockoutTable', measurements: knockouts.map(s => ({ ...reading, scenario: s.name })) };
    return { ...model, datasets: [...model.datasets, dataset], fits: model.fits.map(f => (f === fit ? { ...f, data: [dataset.name], includeExpects: 'relative' } : f)) };
}

/** The literature rows: the relative expects of the knockout scenarios, in file order, with the values at the parameters given. */
function knockoutRows(result, fitted) {
    const inObjective = new Set(fitted.expects.map(e => e.scenario));
    return result.expects.map((e, k) => ({
        key: `${e.scenario} ${e.label} ${k}`, knockout: e.scenario.replace(/_Literature$/, ''), fitted: inObjective.has(e.scenario),
        quantity: e.label, low: e.low, high: e.high, value: e.value
    }));
}

async function calibrate({ name, file }) {
    const loader = new ModelLoader();
    loader.addWorkspaceRoot(root);
    const [loaded] = await loader.loadFiles([file]);
    if (!loaded.model) throw new Error(`${file}: ${loaded.diagnostics.filter(d => d.severity === 'error').map(d => `${d.line}: ${d.message}`).join('; ')}`);
    const model = loaded.model;
    const started = performance.now();
    const written = evaluateFit(model, 'Calibration');
    const fitted = fitModel(model, 'Calibration', { starts: Number(options.starts) });
    const profiles = profileLikelihood(model, fitted, { pointsPerSide: 12 });
    const seconds = (performance.now() - started) / 1000;
    const reporting = reportingModel(model);
    const before = knockoutRows(evaluateFit(reporting, 'Calibration'), fitted);
    const after = new Map(knockoutRows(evaluateFit(reporting, 'Calibration', fitted.parameters.map(p => p.value)), fitted).map(row => [row.key, row]));
    const rows = before.map(row => ({ ...row, fittedValue: after.get(row.key).value }));
    return { name, file: path.relative(root, file), written, fitted, profiles, rows, seconds };
}

function counts(rows, pick) {
    const tally = { yes: 0, near: 0, direction: 0, wrong: 0 };
    for (const row of rows) tally[match(pick(row), row.low, row.high)]++;
    return tally;
}

function tally(rows, pick) {
    const t = counts(rows, pick);
    return `${t.yes} inside, ${t.near} near, ${t.direction} right sign only${t.wrong ? `, ${t.wrong} wrong sign` : ''}`;
}

function section(c) {
    const lines = [
        `#### ${c.name[0].toUpperCase()}${c.name.slice(1)} (\`${c.file}\`, ${c.fitted.parameters.length} estimates, ${c.fitted.starts.length} starts)`,
        '',
        `As written ${tally(c.rows, r => r.value)}; fitted ${tally(c.rows, r => r.fittedValue)}.${c.rows.some(r => !r.fitted) ? ' Rows marked † are outside the fit\'s objective (its data do not name their scenario) and are reported at the fitted values.' : ''}`,
        '',
        '| knockout | quantity | literature | as written | match | fitted | match |',
        '|---|---|---|---|---|---|---|',
        ...c.rows.map(r => `| ${r.knockout}${r.fitted ? '' : ' †'} | ${r.quantity} | ${range(r.low, r.high)} | ${percent(r.value)} | ${match(r.value, r.low, r.high)} | ${percent(r.fittedValue)} | ${match(r.fittedValue, r.low, r.high)} |`),
        '',
        '| estimate | as written | fitted | 95 % profile interval | unit | |',
        '|---|---|---|---|---|---|',
        ...c.fitted.parameters.map((p, j) => {
            const profile = c.profiles[j];
            const interval = `[${formatNumber(profile.interval[0])}, ${formatNumber(profile.interval[1])}]`;
            const notes = [p.atBound ? 'at a bound' : '', profile.identifiable ? '' : 'not identifiable (the profile stays below the threshold on a side)'].filter(Boolean).join('; ');
            return `| ${p.label} | ${formatNumber(p.written)} | ${formatNumber(p.value)} | ${interval} | ${p.unit} | ${notes} |`;
        }),
        '',
        `Objective (χ² of the baselines plus the squared expect penalties): ${formatNumber(c.written.objective)} as written, ${formatNumber(c.fitted.objective)} fitted; ${c.fitted.converged ? 'converged' : `not converged (${c.fitted.reason})`}.`
    ];
    return lines.join('\n');
}

const results = [];
for (const calibration of CALIBRATIONS) {
    const result = await calibrate(calibration);
    // The time goes to stderr: the page holds only what the same build reproduces.
    process.stderr.write(`${calibration.name}: fit and profiles in ${formatNumber(result.seconds)} s\n`);
    results.push(result);
}
const all = results.flatMap(r => r.rows);
const text = [
    BEGIN,
    '',
    `Of the ${all.length} knockout quantities: as written ${tally(all, r => r.value)}; fitted ${tally(all, r => r.fittedValue)}.`,
    '',
    ...results.map(section).flatMap(s => [s, '']),
    END
].join('\n');
if (options.write) {
    const target = path.resolve(options.write);
    const doc = readFileSync(target, 'utf8');
    const start = doc.indexOf(BEGIN), end = doc.indexOf(END);
    if (start < 0 || end < start) throw new Error(`${options.write} has no calibration markers`);
    await writeFileAtomic(target, doc.slice(0, start) + text + doc.slice(end + END.length));
    process.stdout.write(`${options.write}: written\n`);
} else {
    process.stdout.write(text + '\n');
}
