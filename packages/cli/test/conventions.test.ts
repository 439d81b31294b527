import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { COMMANDS_HELP } from '../src/usage.js';
import { cascade, folderWith } from './run-cli.js';

/** A at steady state is supply/clearance: 10 uM in Base, 20 uM in High; `twice` is 2·A. */
const SUPPLY = `model Supply
precursor A { initial 0 uM  supply 1 uM/min  clearance 0.1 /min }
rule twice = 2 * A
scenario Base {
    simulate 60 min step 10 min
    observe A
}
scenario High {
    simulate 60 min step 10 min
    set A supply 2 uM/min
    observe A
}
cascade MoreSupply {
    from Base
    perturb A supply +50%
    measure A
    at 30 min
}
cascade LessClearance {
    from Base
    perturb A clearance -50%
    measure A
}
`;

describe('cascade command-line conventions', () => {
    const folder = folderWith({ 'supply.cascade': SUPPLY });

    it('prints its version with --version', () => {
        const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
        const run = cascade(['--version'], folder);
        assert.equal(run.status, 0);
        assert.equal(run.stdout.trim(), version);
    });

    for (const command of Object.keys(COMMANDS_HELP)) {
        it(`cascade ${command} --help prints the command's usage and options`, () => {
            const run = cascade([command, '--help'], folder);
            assert.equal(run.status, 0, run.stderr);
            assert.match(run.stdout, new RegExp(`^Usage: cascade ${command} `));
            assert.match(run.stdout, /--help, -h/);
        });
    }

    it('answers a misspelt command with one line and a hint, suggesting the nearest command', () => {
        const run = cascade(['simulat', 'supply.cascade'], folder);
        assert.equal(run.status, 2);
        assert.deepEqual(run.stderr.trim().split('\n'), ["cascade: unknown command 'simulat'; did you mean 'simulate'?", "Run 'cascade --help' for usage."]);
    });

    it('answers a misspelt option with the nearest option of that command', () => {
        const run = cascade(['steady', 'supply.cascade', '--obsrve', 'A'], folder);
        assert.equal(run.status, 2);
        assert.deepEqual(run.stderr.trim().split('\n'), ["cascade: unknown option '--obsrve'; did you mean '--observe'?", "Run 'cascade steady --help' for usage."]);
    });

    it('writes completion scripts that the shells accept', () => {
        const bash = cascade(['completion', 'bash'], folder);
        assert.equal(bash.status, 0);
        assert.match(bash.stdout, /complete -o filenames -F _cascade cascade/);
        assert.match(bash.stdout, /steady\) options="[^"]*--scenario/);
        const syntax = spawnSync('bash', ['-n'], { input: bash.stdout, encoding: 'utf8' });
        assert.equal(syntax.status, 0, syntax.stderr);
        assert.match(cascade(['completion', 'zsh'], folder).stdout, /bashcompinit/);
        assert.match(cascade(['completion', 'fish'], folder).stdout, /complete -c cascade -n '__fish_seen_subcommand_from steady' -l observe/);
        assert.equal(cascade(['completion', 'tcsh'], folder).status, 2);
    });
});

describe('cascade steady', () => {
    const folder = folderWith({ 'supply.cascade': SUPPLY });

    it('prints a table of every species, rule and observable by default', () => {
        const run = cascade(['steady', 'supply.cascade'], folder);
        assert.equal(run.status, 0, run.stderr);
        const lines = run.stdout.trim().split('\n');
        assert.match(lines[0], /^quantity\s+unit\s+Base$/);
        assert.match(run.stdout, /^A\s+uM\s+10$/m);
        assert.match(run.stdout, /^twice\s+uM\s+20$/m);
    });

    it('simulates several scenarios side by side: CSV columns per scenario, or a JSON array', () => {
        // A(t) = s/k·(1 − e^(−k t)), k = 0.1 /min, s = 1 (Base) and 2 uM/min (High).
        const csv = cascade(['simulate', 'supply.cascade', '--scenario', 'Base,High'], folder);
        assert.equal(csv.status, 0, csv.stderr);
        const [header, ...rows] = csv.stdout.trim().split('\n');
        assert.equal(header, 'time (min),Base: A (uM),High: A (uM)');
        const [t, base, high] = rows[rows.length - 1].split(',').map(Number);
        assert.equal(t, 60);
        assert.ok(Math.abs(base - 10 * (1 - Math.exp(-6))) < 1e-4 && Math.abs(high - 20 * (1 - Math.exp(-6))) < 1e-4, `${base}, ${high}`);
        const json = JSON.parse(cascade(['simulate', 'supply.cascade', '--scenario', 'Base,High', '--format', 'json'], folder).stdout);
        assert.deepEqual(json.map((run: { scenario: string }) => run.scenario), ['Base', 'High']);
    });

    it('reports the flux of every process: at steady state an enzyme carries the whole supply', () => {
        // dA/dt = 1 − 2·A/(10 + A): E.rate = 1 uM/min at A = 10 uM; B = 1 / 0.5 = 2 uM.
        const flux = folderWith({ 'flux.cascade': `model Flux
precursor A { initial 0 uM  supply 1 uM/min }
metabolite B { clearance 0.5 /min }
enzyme E { converts A -> B  vmax 2 uM/min  km 10 uM }
scenario Run { simulate 60 min }
` });
        const run = cascade(['steady', 'flux.cascade', '--format', 'json', '--units', 'base'], flux);
        assert.equal(run.status, 0, run.stderr);
        const values = new Map((JSON.parse(run.stdout).values as { name: string; value: number; unit: string }[]).map(v => [v.name, v]));
        assert.equal(values.get('E.rate')?.unit, 'uM/min');
        assert.ok(Math.abs(values.get('E.rate')!.value - 1) < 1e-6, `E.rate ${values.get('E.rate')?.value}`);
        assert.ok(Math.abs(values.get('A')!.value - 10) < 1e-5 && Math.abs(values.get('B')!.value - 2) < 1e-6);
    });

    it('reports several scenarios side by side (CSV), each at its analytic steady state s/k', () => {
        const run = cascade(['steady', 'supply.cascade', '--scenario', 'Base,High', '--format', 'csv'], folder);
        assert.equal(run.status, 0, run.stderr);
        const [header, ...rows] = run.stdout.trim().split('\n');
        assert.equal(header, 'quantity,unit,Base,High');
        const a = rows.find(row => row.startsWith('A,'))!.split(',');
        assert.ok(Math.abs(Number(a[2]) - 10) < 1e-6 && Math.abs(Number(a[3]) - 20) < 1e-6, a.join(','));
    });

    it('--observe names any quantity of the model, also one the scenario does not observe', () => {
        const steady = JSON.parse(cascade(['steady', 'supply.cascade', '--observe', 'twice', '--format', 'json'], folder).stdout);
        assert.deepEqual(steady.values.map((v: { name: string }) => v.name), ['twice']);
        assert.ok(Math.abs(steady.values[0].value - 20) < 1e-6);
        const simulated = JSON.parse(cascade(['simulate', 'supply.cascade', '--observe', 'twice,A', '--format', 'json'], folder).stdout);
        assert.deepEqual(simulated.series.map((s: { name: string }) => s.name), ['twice', 'A']);
        // A(t) = 10·(1 − e^(−0.1 t)); at 60 min twice = 20·(1 − e^(−6)).
        assert.ok(Math.abs(simulated.series[0].values.at(-1) - 20 * (1 - Math.exp(-6))) < 1e-3);
        const unknown = cascade(['steady', 'supply.cascade', '--observe', 'twise'], folder);
        assert.equal(unknown.status, 2);
        assert.match(unknown.stderr, /no quantity 'twise'; did you mean 'twice'\?/);
    });
});

describe('cascade cascade', () => {
    const folder = folderWith({ 'supply.cascade': SUPPLY });

    it('needs --name when the file has several cascades, and lists them', () => {
        const run = cascade(['cascade', 'supply.cascade'], folder);
        assert.equal(run.status, 2);
        assert.match(run.stderr, /the file has 2 cascades; name one with --name \(MoreSupply, LessClearance\)/);
    });

    it('prints a table by default, and JSON with the unit of its time', () => {
        const table = cascade(['cascade', 'supply.cascade', '--name', 'LessClearance'], folder);
        assert.equal(table.status, 0, table.stderr);
        // Halving the clearance doubles A at steady state: +100 %, coefficient (ΔA/A)/(Δk/k) = 1/(−0.5) = −2; the exact local one (A = s/k) −1.
        assert.match(table.stdout, /^perturb A clearance -50%\s+A\s+uM\s+10\s+20\s+10\s+100\s+-2\s+-1\s+—$/m);
        const json = JSON.parse(cascade(['cascade', 'supply.cascade', '--name', 'MoreSupply', '--format', 'json'], folder).stdout);
        assert.deepEqual(json.at, { value: 30, unit: 'min' });
    });
});
