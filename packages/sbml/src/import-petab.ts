import * as path from 'node:path';
import { writeFileAtomic } from '@neurocascade/simulator/atomic-write';
import { title } from './cascade-writer.js';
import { num } from './expression-building.js';
import { printExpression } from './expression-printer.js';
import { NameAllocator, RESERVED_WORDS } from './identifiers.js';
import { importSbml } from './import-sbml.js';
import { PetabError } from './petab-table.js';
import { petabNumber, readPetabProblem, type PetabObservable, type PetabProblem } from './petab-problem.js';
import type { SbmlMappingEntry } from './sbml-mapping.js';

/**
 * A PEtab v1 problem as Cascade text (docs/analysis.md#petab): the SBML model imported as
 * `importSbml` does (with the parameter table's nominal values), each condition a scenario, the
 * measurements a `data` block and the estimated parameters a `fit`. What Cascade's fit cannot
 * state (estimated noise, observable parameters, Laplace noise, mixed transformations) is a
 * PetabError at the row that asks for it.
 */
export function importPetab(problem: PetabProblem, name: string): string {
    const nominal = new Map(problem.parameters.map(p => [p.id, p]));
    const sbml = importSbml(problem.sbml, {
        sourceName: problem.sbmlFile,
        parameterValues: new Map(problem.parameters.map(p => [p.id, p.nominalValue]))
    });
    const entries = new Map(sbml.mapping.entries.filter(e => e.kind !== 'local-parameter').map(e => [e.id, e]));
    const names = new NameAllocator();
    names.reserve(sbml.mapping.entries.map(e => e.name));
    names.reserve([sbml.mapping.modelName]);

    // One residual model for the whole fit: every observable must be transformed alike.
    const transformation = problem.observables[0]?.transformation ?? 'lin';
    const rules: string[] = [];
    const quantities = new Map(problem.observables.map(o => {
        const at = (detail: string) => new PetabError(o.source?.file ?? 'observables', o.source?.line, detail);
        if (o.transformation !== transformation) throw at(`observableTransformation ${o.transformation} differs from ${transformation}; a Cascade fit has one residual model`);
        if (o.noiseDistribution !== 'normal') throw at(`noiseDistribution ${o.noiseDistribution}: a Cascade fit's residuals are normal (or lognormal)`);
        const noise = o.noiseFormula.trim();
        if (noise !== `noiseParameter1_${o.id}` && !/^[0-9.eE+-]+$/.test(noise)) {
            throw at(`noiseFormula '${noise}': a Cascade data point carries its own sd, so only noiseParameter1_${o.id} or a number is read`);
        }
        const formula = translateFormula(o, id => {
            const entry = entries.get(id);
            if (entry) return entry.kind === 'species' || entry.kind === 'parameter' || entry.kind === 'compartment' ? entry.name : undefined;
            const parameter = nominal.get(id);
            return parameter && !parameter.estimate ? printExpression(num(parameter.nominalValue)) : undefined;
        });
        if (/^[A-Za-z_]\w*$/.test(formula) && !RESERVED_WORDS.has(formula)) return [o.id, formula];
        const rule = names.allocate(o.id, { why: 'an observable' });
        rules.push(`rule ${rule}${title(o.name, o.id)} = ${formula}`);
        return [o.id, rule];
    }));

    const scenarioNames = new Map<string, string>();
    const scenarios = problem.conditions.map(c => {
        const scenario = names.allocate(c.id, { why: 'a condition' });
        scenarioNames.set(c.id, scenario);
        const at = (detail: string) => new PetabError(c.source?.file ?? 'conditions', c.source?.line, detail);
        const sets = [...c.values].map(([id, value]) => {
            const entry: SbmlMappingEntry | undefined = entries.get(id);
            if (!entry || (entry.kind !== 'species' && entry.kind !== 'parameter')) throw at(`column '${id}' is not a species or global parameter of the model`);
            if (nominal.get(id)?.estimate) throw at(`column '${id}' is an estimated parameter; a condition may not override it`);
            const target = /^[A-Za-z_]\w*$/.test(value) ? entries.get(value)?.name : printExpression(num(Number(value)));
            if (target === undefined) throw at(`'${value}' in column '${id}' is neither a number nor a parameter of the model`);
            return `set ${entry.name} ${target}`;
        });
        // A scenario needs a run length: its last measured time, else the problem's, else an hour (for steady states only).
        const ends = (conditionId?: string) => problem.measurements
            .filter(m => (conditionId === undefined || m.simulationConditionId === conditionId) && Number.isFinite(m.time) && m.time > 0).map(m => m.time);
        const end = [ends(c.id), ends(), [60]].find(list => list.length > 0)!;
        const statements = [`simulate ${printExpression(num(Math.max(...end)))}`, ...sets];
        return `scenario ${scenario}${title(c.name, c.id)} {\n${statements.map(s => `    ${s}\n`).join('')}}`;
    });

    const points = problem.measurements.map(m => {
        const at = (detail: string) => new PetabError(m.source?.file ?? 'measurements', m.source?.line, detail);
        const observable = problem.observables.find(o => o.id === m.observableId)!;
        const sigma = noiseValue(observable, m.noiseParameters, id => {
            const parameter = nominal.get(id);
            if (!parameter) throw at(`noise parameter '${id}' is not in the parameter table`);
            if (parameter.estimate) throw at(`noise parameter '${id}' is estimated; a Cascade fit takes each point's sd as given`);
            return parameter.nominalValue;
        });
        // PEtab's σ is on the transformed scale; the fit's lognormal residual is (ln y − ln ŷ)/(sd/y).
        const sd = transformation === 'lin' ? sigma : sigma * Math.abs(m.measurement) * (transformation === 'log10' ? Math.LN10 : 1);
        if (!(sd > 0) || !Number.isFinite(sd)) throw at(`the standard deviation ${petabNumber(sd)} is not a positive number`);
        const time = m.time === Infinity ? 'steady' : printExpression(num(m.time));
        const value = `${m.measurement < 0 ? '- ' : ''}${printExpression(num(Math.abs(m.measurement)))}`;
        return `    ${scenarioNames.get(m.simulationConditionId)} ${quantities.get(m.observableId)} at ${time} ${value} ± ${printExpression(num(sd))}`;
    });

    const base = name.replace(/\W/g, '_').replace(/^(?=\d)|^$/, '_');
    const fitName = names.allocate(base, { why: 'the fit' });
    const dataName = names.allocate(`${base}_data`, { why: 'the data' });
    const estimates = problem.parameters.filter(p => p.estimate).map(p => {
        const entry = entries.get(p.id);
        if (!entry || entry.kind !== 'parameter') {
            throw new PetabError(p.source?.file ?? 'parameters', p.source?.line, `'${p.id}' is estimated but is not a global parameter of the model (observable and noise parameters are not read)`);
        }
        const bound = (value: number) => printExpression(num(value));
        return `    estimate ${entry.name} in [${bound(p.lowerBound)}, ${bound(p.upperBound)}]${p.scale === 'lin' ? '' : ' log'}`;
    });
    return [
        sbml.text.trimEnd(),
        ...(rules.length > 0 ? [rules.join('\n')] : []),
        ...scenarios,
        `data ${dataName} {\n${points.join('\n')}\n}`,
        `fit ${fitName} {\n    data ${dataName}\n${estimates.map(e => `${e}\n`).join('')}${transformation === 'lin' ? '' : '    lognormal\n'}}`
    ].join('\n\n') + '\n';
}

/** The σ a measurement's noise formula gives: a number, or its one noise parameter (a number or a fixed parameter's value). */
function noiseValue(observable: PetabObservable, parameters: readonly string[], fixed: (id: string) => number): number {
    const formula = observable.noiseFormula.trim();
    if (formula !== `noiseParameter1_${observable.id}`) return Number(formula);
    const text = parameters[0];
    return /^[A-Za-z_]\w*$/.test(text) ? fixed(text) : Number(text);
}

const FUNCTIONS: Record<string, string> = { exp: 'exp', log: 'ln', ln: 'ln', log10: 'log10', sqrt: 'sqrt', abs: 'abs' };

/**
 * An observable formula (PEtab's infix math: ids, numbers, + − * / ^ or **, parentheses, exp log
 * log10 sqrt abs) as a Cascade expression, each id replaced by `name(id)`; anything else is an
 * error at the observable's row, so no text from the file reaches the Cascade file unchecked.
 */
function translateFormula(observable: PetabObservable, name: (id: string) => string | undefined): string {
    const fail = (detail: string) => new PetabError(observable.source?.file ?? 'observables', observable.source?.line, `observableFormula '${observable.formula}': ${detail}`);
    const tokens = observable.formula.match(/\s+|[A-Za-z_]\w*|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|\*\*|\S/g) ?? [];
    const list = tokens.filter(t => t.trim() !== '');
    let at = 0;
    const peek = () => list[at];
    const expect = (token: string) => {
        if (list[at] !== token) throw fail(`'${token}' expected${list[at] === undefined ? ' at the end' : ` before '${list[at]}'`}`);
        at++;
    };
    // sum := product (('+'|'-') product)*; product := unary (('*'|'/') unary)*; unary := '-'? power; power := primary (('^'|'**') unary)?
    const sum = (): string => {
        let text = product();
        while (peek() === '+' || peek() === '-') text += ` ${list[at++]} ${product()}`;
        return text;
    };
    const product = (): string => {
        let text = unary();
        while (peek() === '*' || peek() === '/') text += ` ${list[at++]} ${unary()}`;
        return text;
    };
    const unary = (): string => peek() === '-' || peek() === '+' ? `${list[at++] === '-' ? '-' : ''}${power()}` : power();
    const power = (): string => {
        const base = primary();
        if (peek() !== '^' && peek() !== '**') return base;
        at++;
        return `${base} ^ ${unary()}`;
    };
    const primary = (): string => {
        const token = list[at++];
        if (token === undefined) throw fail('the formula ends too early');
        if (token === '(') {
            const inner = sum();
            expect(')');
            return `(${inner})`;
        }
        if (/^(\d|\.\d)/.test(token)) return printExpression(num(Number(token)));
        if (!/^[A-Za-z_]\w*$/.test(token)) throw fail(`'${token}' is not read (ids, numbers, + - * / ^ ** and parentheses are)`);
        if (peek() === '(') {
            const cascadeFunction = FUNCTIONS[token];
            if (!cascadeFunction) throw fail(`the function '${token}' is not read (${Object.keys(FUNCTIONS).join(', ')} are)`);
            at++;
            const argument = sum();
            expect(')');
            return `${cascadeFunction}(${argument})`;
        }
        if (/^observableParameter\d+_/.test(token)) throw fail('observable parameters have no Cascade counterpart');
        const translated = name(token);
        if (translated === undefined) throw fail(`'${token}' is not a species, compartment or parameter of the model, nor a fixed parameter of the table`);
        return translated;
    };
    const text = sum();
    if (at < list.length) throw fail(`'${list[at]}' after the end of the expression`);
    return text;
}

/** Reads the problem file and writes its Cascade text to `outPath` (default: beside it, `.cascade`), atomically. */
export async function importPetabFile(yamlPath: string, outPath?: string): Promise<{ text: string; outPath: string }> {
    const problem = await readPetabProblem(yamlPath);
    const base = path.basename(yamlPath).replace(/\.ya?ml$/i, '');
    const text = importPetab(problem, base);
    const target = outPath ?? path.join(path.dirname(yamlPath), `${base}.cascade`);
    await writeFileAtomic(target, text);
    return { text, outPath: target };
}
