import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cascade, folderWith } from './run-cli.js';

const DECAY = `model Decay "first-order decay"
precursor A { initial 10 uM  clearance 0.1 /min }
metabolite B { clearance 0.05 /min }
enzyme E { converts A -> B  vmax 1 uM/min  km 5 uM }
scenario Base {
    simulate 60 min step 10 min
    observe A, B
    expect A at 30 min between 0.001 uM and 0.01 uM
}
cascade MoreA {
    from Base
    perturb A supply 1 uM/min
    measure A, B
}
`;

const BROKEN = `precursor A { initial 10 uM/min }
enzyme E { converts A -> Nowhere vmax 1 uM/min km 5 uM }
`;

describe('cascade check', () => {
    it('exits 0 on a clean model and says how many files it checked', () => {
        const folder = folderWith({ 'clean.cascade': DECAY });
        const run = cascade(['check', 'clean.cascade'], folder);
        assert.equal(run.status, 0, run.stderr);
        assert.match(run.stdout, /1 file checked: 0 errors/);
    });

    it('lets a file import from anywhere in its project (the folder with package.json), and not beyond', () => {
        const layout = (withProject: boolean) => {
            const folder = folderWith(withProject ? { 'package.json': '{}' } : {});
            mkdirSync(path.join(folder, 'models'));
            mkdirSync(path.join(folder, 'models', 'validation'));
            writeFileSync(path.join(folder, 'models', 'decay.cascade'), DECAY);
            writeFileSync(path.join(folder, 'models', 'validation', 'check.cascade'),
                'import "../decay.cascade"\nscenario Later extends Base { expect A at 30 min relative to Base between -1% and +1% }\n');
            return cascade(['check', '--simulate', 'models/validation/check.cascade'], folder);
        };
        const inProject = layout(true);
        assert.equal(inProject.status, 0, inProject.stdout + inProject.stderr);
        const alone = layout(false);
        assert.equal(alone.status, 1);
        assert.match(alone.stdout, /leaves the workspace folder/);
    });

    it('prints file:line:col severity code message and exits 1 on errors', () => {
        const folder = folderWith({ 'broken.cascade': BROKEN });
        const run = cascade(['check', '.'], folder);
        assert.equal(run.status, 1);
        assert.match(run.stdout, /^broken\.cascade:1:\d+ error unit-dimension /m);
        assert.match(run.stdout, /^broken\.cascade:2:\d+ error unresolved .*Nowhere/m);
    });

    it('prints one JSON array with 1-based positions in --format json', () => {
        const folder = folderWith({ 'broken.cascade': BROKEN });
        const run = cascade(['check', '--format', 'json', 'broken.cascade'], folder);
        assert.equal(run.status, 1);
        const diagnostics = JSON.parse(run.stdout) as Record<string, unknown>[];
        const unresolved = diagnostics.find(d => d.code === 'unresolved')!;
        assert.deepEqual(Object.keys(unresolved).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
        assert.deepEqual([unresolved.line, unresolved.column, unresolved.endColumn, unresolved.severity], [2, 26, 33, 'error']);
        assert.equal(unresolved.file, path.join(folder, 'broken.cascade'));
    });

    it('runs the expects with --simulate and reports failures as expect-failed', () => {
        const failing = DECAY.replace('between 0.001 uM and 0.01 uM', 'between 1 uM and 5 uM');
        const folder = folderWith({ 'model.cascade': failing });
        const run = cascade(['check', '--simulate', 'model.cascade'], folder);
        assert.equal(run.status, 1);
        assert.match(run.stdout, /model\.cascade:8:5 warning expect-failed Base: A at t = 30 min is 0\.00\d+ uM, outside the expected range/);
        assert.equal(cascade(['check', '--simulate', 'model.cascade'], folderWith({ 'model.cascade': DECAY })).status, 0);
    });

    it('exits 2 on bad usage and unreadable input', () => {
        const folder = folderWith({});
        assert.equal(cascade(['check'], folder).status, 2);
        assert.equal(cascade(['check', '--format', 'xml', '.'], folder).status, 2);
        assert.equal(cascade(['frobnicate'], folder).status, 2);
        const missing = cascade(['check', 'missing.cascade'], folder);
        assert.equal(missing.status, 2);
        assert.match(missing.stderr, /cannot read 'missing\.cascade'/);
    });
});

describe('cascade simulate, steady and cascade', () => {
    it('writes CSV in base units with the scenario step as output spacing', () => {
        const run = cascade(['simulate', 'model.cascade'], folderWith({ 'model.cascade': DECAY }));
        assert.equal(run.status, 0, run.stderr);
        const lines = run.stdout.trim().split('\n');
        assert.equal(lines[0], 'time (min),A (uM),B (uM)');
        assert.equal(lines.length, 8);
        assert.deepEqual(lines[1].split(',').map(Number), [0, 10, 0]);
        const [t, a] = lines[2].split(',').map(Number);
        assert.equal(t, 10);
        assert.ok(a < 10 && a > 0, 'A decays');
    });

    it('writes the JSON shape of the issue, and --observe picks series', () => {
        const run = cascade(['simulate', 'model.cascade', '--format', 'json', '--observe', 'B', '--method', 'stiff'], folderWith({ 'model.cascade': DECAY }));
        assert.equal(run.status, 0, run.stderr);
        const result = JSON.parse(run.stdout);
        assert.deepEqual(Object.keys(result).sort(), ['expects', 'model', 'scenario', 'series', 'stats', 'time', 'timeUnit', 'warnings']);
        assert.deepEqual([result.model, result.scenario, result.series.map((s: { name: string }) => s.name)], ['Decay', 'Base', ['B']]);
        assert.deepEqual(result.expects[0].passed, true);
        assert.equal(result.expects[0].line, 8);
        assert.ok(result.stats.steps > 0 && result.stats.rhsEvaluations > 0);
    });

    it('never leaves a half file: --out into a folder it cannot write fails cleanly', () => {
        const folder = folderWith({ 'model.cascade': DECAY });
        const locked = path.join(folder, 'locked');
        mkdirSync(locked);
        chmodSync(locked, 0o500);
        const run = cascade(['simulate', 'model.cascade', '--out', 'locked/out.csv'], folder);
        chmodSync(locked, 0o700);
        // root may write anyway; then the file must be whole.
        if (run.status === 0) assert.match(readFileSync(path.join(locked, 'out.csv'), 'utf8'), /^time \(min\)/);
        else {
            assert.equal(run.status, 2);
            assert.deepEqual(readdirSync(locked), []);
        }
        const written = cascade(['simulate', 'model.cascade', '--out', 'out.json', '--format', 'json'], folder);
        assert.equal(written.status, 0);
        assert.equal(JSON.parse(readFileSync(path.join(folder, 'out.json'), 'utf8')).scenario, 'Base');
        assert.ok(!readdirSync(folder).some(name => name.endsWith('.tmp')));
    });

    it('finds the steady state and reports the cascade responses', () => {
        const folder = folderWith({ 'model.cascade': DECAY });
        const steady = JSON.parse(cascade(['steady', 'model.cascade', '--format', 'json'], folder).stdout);
        assert.equal(steady.converged, true);
        assert.deepEqual(steady.values.map((v: { name: string }) => v.name), ['A', 'B', 'E.rate']);
        const result = JSON.parse(cascade(['cascade', 'model.cascade', '--name', 'MoreA', '--format', 'json'], folder).stdout);
        assert.equal(result.cascade, 'MoreA');
        const responses = result.perturbations[0].responses;
        // With supply s, A settles where s = 0.1·A + A/(5 + A): for s = 1 uM/min, A = 5 uM.
        const a = responses.find((r: { name: string }) => r.name === 'A');
        assert.ok(Math.abs(a.perturbed - 5) < 1e-6, `A = ${a.perturbed}`);
        assert.equal(a.base, 0);
    });

    it('refuses to simulate a model with errors, naming them', () => {
        const run = cascade(['simulate', 'broken.cascade'], folderWith({ 'broken.cascade': BROKEN }));
        assert.equal(run.status, 2);
        assert.match(run.stderr, /broken\.cascade:2:\d+ error unresolved/);
        assert.equal(cascade(['simulate', 'model.cascade', '--scenario', 'Nope'], folderWith({ 'model.cascade': DECAY })).status, 2);
    });

    it('has no scenario? 100 minutes of every species', () => {
        const run = cascade(['simulate', 'm.cascade'], folderWith({ 'm.cascade': 'precursor A { initial 1 uM clearance 0.1 /min }' }));
        assert.equal(run.status, 0, run.stderr);
        const lines = run.stdout.trim().split('\n');
        assert.equal(lines.length, 202);
        assert.equal(lines.at(-1)!.split(',')[0], '100');
        assert.ok(Math.abs(Number(lines.at(-1)!.split(',')[1]) - Math.exp(-10)) < 1e-6);
    });
});

describe('concentrations driven below zero', () => {
    // dA/dt = −5 µM/min from 1 µM: A crosses zero at 0.2 min and reaches −49 µM at 10 min; B is cleared to a steady state.
    const ZERO_ORDER = `precursor A { initial 1 uM }
metabolite B { clearance 1 /min }
reaction R { A -> B  rate 5 uM/min }
scenario Empty {
    simulate 10 min step 1 min
}
`;
    const warning = /cascade: warning negative-concentration: Empty: A fell below zero at t = 0\.2 min/;

    it('simulate and steady warn on stderr, naming the species and the time, and still write the results', () => {
        const folder = folderWith({ 'model.cascade': ZERO_ORDER });
        const run = cascade(['simulate', 'model.cascade'], folder);
        assert.equal(run.status, 0, run.stderr);
        assert.match(run.stderr, warning);
        assert.deepEqual(run.stdout.trim().split('\n').at(-1)!.split(',').slice(0, 2).map(Number), [10, -49]);
        const steady = cascade(['steady', 'model.cascade', '--format', 'json'], folder);
        assert.match(steady.stderr, warning);
        assert.equal(JSON.parse(steady.stdout).warnings[0].species, 'A');
    });

    it('check --simulate reports a negative-concentration warning on the scenario', () => {
        const run = cascade(['check', '--simulate', 'model.cascade'], folderWith({ 'model.cascade': ZERO_ORDER }));
        assert.match(run.stdout, /model\.cascade:4:1 warning negative-concentration Empty: A fell below zero at t = 0\.2 min/);
        assert.match(run.stdout, /0 errors, 1 warning/);
    });
});

describe('cascade lsp', () => {
    it('needs --stdio', () => {
        assert.equal(cascade(['lsp'], folderWith({})).status, 2);
    });
});

describe('cascade format', () => {
    it('reports unformatted files with --check and rewrites them without', () => {
        const folder = folderWith({ 'messy.cascade': 'precursor   A{initial 1 uM    clearance 0.1 /min}\n' });
        assert.equal(cascade(['format', '--check', 'messy.cascade'], folder).status, 1);
        assert.equal(cascade(['format', 'messy.cascade'], folder).status, 0);
        assert.equal(cascade(['format', '--check', 'messy.cascade'], folder).status, 0);
        assert.ok(existsSync(path.join(folder, 'messy.cascade')));
    });
});
