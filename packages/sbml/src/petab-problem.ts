import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { dump, load } from 'js-yaml';
import { writeFileAtomic } from '@neurocascade/simulator/atomic-write';
import { choiceCell, numberCell, PetabError, readTable, requiredCell, writeTable, type Table } from './petab-table.js';
import { MAX_DOCUMENT_LENGTH, megabytes } from './xml-tree.js';

/** One row of the measurement table; `time` is `Infinity` for a steady state (`inf`). */
export interface PetabMeasurement {
    observableId: string;
    simulationConditionId: string;
    measurement: number;
    time: number;
    /** The values (numbers or parameter ids) that replace `noiseParameter1_<observableId>`, … in the noise formula. */
    noiseParameters: string[];
    datasetId?: string;
    replicateId?: string;
    /** Where the row was read (absent for rows built by the exporter). */
    source?: { file: string; line: number };
}

/** One row of the condition table: the SBML ids it sets and to what (a number, or a parameter id). */
export interface PetabCondition {
    id: string;
    name?: string;
    values: Map<string, string>;
    source?: { file: string; line: number };
}

export type PetabScale = 'lin' | 'log' | 'log10';

export interface PetabObservable {
    id: string;
    name?: string;
    formula: string;
    transformation: PetabScale;
    noiseFormula: string;
    noiseDistribution: 'normal' | 'laplace';
    source?: { file: string; line: number };
}

/** One row of the parameter table: bounds and nominal value on the linear scale, in the SBML model's units. */
export interface PetabParameter {
    id: string;
    name?: string;
    scale: PetabScale;
    lowerBound: number;
    upperBound: number;
    nominalValue: number;
    estimate: boolean;
    source?: { file: string; line: number };
}

/** A PEtab v1 problem with one SBML model (docs/analysis.md#petab). */
export interface PetabProblem {
    /** The SBML model's text and the file it came from (or is written to). */
    sbml: string;
    sbmlFile: string;
    measurements: PetabMeasurement[];
    conditions: PetabCondition[];
    observables: PetabObservable[];
    parameters: PetabParameter[];
}

const SCALES: readonly PetabScale[] = ['lin', 'log', 'log10'];

/** Reads the YAML problem file and every file it names; any fault is a PetabError naming its file and line. */
export async function readPetabProblem(yamlFile: string): Promise<PetabProblem> {
    const folder = path.dirname(yamlFile);
    const yamlName = path.basename(yamlFile);
    let document: unknown;
    try {
        document = load(await readFile(yamlFile, yamlName));
    } catch (error) {
        if (error instanceof PetabError) throw error;
        const mark = (error as { mark?: { line: number } }).mark;
        throw new PetabError(yamlName, mark ? mark.line + 1 : undefined, (error as { reason?: string }).reason ?? String(error));
    }
    const problem = problemFiles(document, yamlName);
    const read = async (file: string) => ({ name: file, text: await readFile(path.resolve(folder, file), file) });
    const tables = async (files: string[], required: string[]) =>
        (await Promise.all(files.map(read))).map(f => readTable(f.text, f.name, required));
    const observables = (await tables(problem.observables, ['observableId', 'observableFormula', 'noiseFormula'])).flatMap(readObservables);
    const conditions = (await tables(problem.conditions, ['conditionId'])).flatMap(readConditions);
    const parameters = (await tables(problem.parameters, ['parameterId', 'parameterScale', 'lowerBound', 'upperBound', 'nominalValue', 'estimate']))
        .flatMap(readParameters);
    const measurements = (await tables(problem.measurements, ['observableId', 'simulationConditionId', 'measurement', 'time']))
        .flatMap(t => readMeasurements(t, observables, conditions));
    const sbml = await read(problem.sbml);
    return { sbml: sbml.text, sbmlFile: problem.sbml, measurements, conditions, observables, parameters };
}

/** The files a problem names: PEtab v1 (`format_version: 1`) with exactly one problem and one SBML file. */
function problemFiles(document: unknown, file: string): { sbml: string; measurements: string[]; conditions: string[]; observables: string[]; parameters: string[] } {
    const fail = (detail: string) => new PetabError(file, undefined, detail);
    if (!isRecord(document)) throw fail('the problem file is not a YAML mapping');
    const version = String(document.format_version ?? '');
    if (!/^1(\.\d+){0,2}$/.test(version)) throw fail(`format_version '${version}' is not PEtab 1 (the only version read)`);
    const problems = document.problems;
    if (!Array.isArray(problems) || problems.length !== 1 || !isRecord(problems[0])) {
        throw fail(`'problems' must list exactly one problem (it lists ${Array.isArray(problems) ? problems.length : 'none'})`);
    }
    const entry = problems[0];
    const list = (key: string, value: unknown): string[] => {
        const files = typeof value === 'string' ? [value] : value;
        if (!Array.isArray(files) || files.length === 0 || !files.every(f => typeof f === 'string' && f !== '')) throw fail(`'${key}' must name one or more files`);
        return files;
    };
    const sbml = list('sbml_files', entry.sbml_files);
    if (sbml.length !== 1) throw fail(`'sbml_files' names ${sbml.length} models; a problem with one model is read`);
    return {
        sbml: sbml[0],
        measurements: list('measurement_files', entry.measurement_files),
        conditions: list('condition_files', entry.condition_files),
        observables: list('observable_files', entry.observable_files),
        parameters: list('parameter_file', document.parameter_file)
    };
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A file's text, when it is a regular file within the size limit (a FIFO or /dev/zero is never read). */
async function readFile(file: string, shown: string): Promise<string> {
    let stat;
    try {
        stat = await fs.stat(file);
    } catch {
        throw new PetabError(shown, undefined, 'no such file');
    }
    if (!stat.isFile()) throw new PetabError(shown, undefined, 'not a regular file');
    if (stat.size > MAX_DOCUMENT_LENGTH) throw new PetabError(shown, undefined, `the file is ${megabytes(stat.size)}; at most ${megabytes(MAX_DOCUMENT_LENGTH)} is read`);
    return fs.readFile(file, 'utf8');
}

const ID = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** An id cell: PEtab ids are SBML-style identifiers. */
function idCell(table: Table, row: Table['rows'][number], column: string): string {
    const id = requiredCell(table, row, column);
    if (!ID.test(id)) throw new PetabError(table.file, row.line, `${column} '${id}' is not a valid id (a letter or _, then letters, digits, _)`);
    return id;
}

function optional(row: Table['rows'][number], column: string): string | undefined {
    const text = row.cells.get(column);
    return text === undefined || text === '' ? undefined : text;
}

function unique<T extends { id: string; source?: { file: string; line: number } }>(items: T[], what: string): T[] {
    const seen = new Set<string>();
    for (const item of items) {
        if (seen.has(item.id)) throw new PetabError(item.source!.file, item.source!.line, `${what} '${item.id}' is defined twice`);
        seen.add(item.id);
    }
    return items;
}

function readObservables(table: Table): PetabObservable[] {
    return unique(table.rows.map(row => ({
        id: idCell(table, row, 'observableId'),
        name: optional(row, 'observableName'),
        formula: requiredCell(table, row, 'observableFormula'),
        transformation: choiceCell(table, row, 'observableTransformation', SCALES),
        noiseFormula: requiredCell(table, row, 'noiseFormula'),
        noiseDistribution: choiceCell(table, row, 'noiseDistribution', ['normal', 'laplace'] as const),
        source: { file: table.file, line: row.line }
    })), 'observable');
}

function readConditions(table: Table): PetabCondition[] {
    const targets = table.columns.filter(c => c !== 'conditionId' && c !== 'conditionName');
    for (const column of targets) if (!ID.test(column)) throw new PetabError(table.file, 1, `column '${column}' is not an SBML id`);
    return unique(table.rows.map(row => ({
        id: idCell(table, row, 'conditionId'),
        name: optional(row, 'conditionName'),
        values: new Map(targets.flatMap(column => {
            const value = row.cells.get(column)!;
            // An empty cell or NaN leaves the model's own value (PEtab v1).
            if (value === '' || value.toLowerCase() === 'nan') return [];
            if (!ID.test(value)) numberCell(table, row, column);
            return [[column, value] as [string, string]];
        })),
        source: { file: table.file, line: row.line }
    })), 'condition');
}

function readParameters(table: Table): PetabParameter[] {
    return unique(table.rows.map(row => {
        const finite = (column: string) => {
            const value = numberCell(table, row, column);
            if (value === undefined || !Number.isFinite(value)) throw new PetabError(table.file, row.line, `${column} must be a finite number`);
            return value;
        };
        const estimate = requiredCell(table, row, 'estimate');
        if (estimate !== '0' && estimate !== '1') throw new PetabError(table.file, row.line, `estimate '${estimate}' is not 0 or 1`);
        const parameter: PetabParameter = {
            id: idCell(table, row, 'parameterId'),
            name: optional(row, 'parameterName'),
            scale: choiceCell(table, row, 'parameterScale', SCALES),
            lowerBound: finite('lowerBound'),
            upperBound: finite('upperBound'),
            nominalValue: finite('nominalValue'),
            estimate: estimate === '1',
            source: { file: table.file, line: row.line }
        };
        if (parameter.estimate && !(parameter.lowerBound < parameter.upperBound)) {
            throw new PetabError(table.file, row.line, `lowerBound ${parameter.lowerBound} is not below upperBound ${parameter.upperBound}`);
        }
        if (parameter.estimate && parameter.scale !== 'lin' && parameter.lowerBound <= 0) {
            throw new PetabError(table.file, row.line, `a ${parameter.scale}-scaled parameter needs a positive lowerBound`);
        }
        return parameter;
    }), 'parameter');
}

function readMeasurements(table: Table, observables: PetabObservable[], conditions: PetabCondition[]): PetabMeasurement[] {
    return table.rows.map(row => {
        const fail = (detail: string) => new PetabError(table.file, row.line, detail);
        const observableId = idCell(table, row, 'observableId');
        const observable = observables.find(o => o.id === observableId);
        if (!observable) throw fail(`observableId '${observableId}' is not in the observable table`);
        const simulationConditionId = idCell(table, row, 'simulationConditionId');
        if (!conditions.some(c => c.id === simulationConditionId)) throw fail(`simulationConditionId '${simulationConditionId}' is not in the condition table`);
        if (optional(row, 'preequilibrationConditionId') !== undefined) {
            throw fail('preequilibrationConditionId: a preequilibration has no Cascade counterpart yet; start the condition from its steady state with `steady` times instead');
        }
        const measurement = numberCell(table, row, 'measurement');
        if (measurement === undefined || !Number.isFinite(measurement)) throw fail('measurement must be a finite number');
        const time = numberCell(table, row, 'time');
        if (time === undefined || Number.isNaN(time) || time < 0 || time === -Infinity) throw fail('time must be a number ≥ 0 or inf (steady state)');
        const noiseParameters = splitParameters(optional(row, 'noiseParameters'));
        const wanted = placeholders(observable.noiseFormula, 'noiseParameter', observableId);
        if (noiseParameters.length !== wanted) throw fail(`${noiseParameters.length} noiseParameters, but the noise formula of '${observableId}' has ${wanted} placeholders`);
        if (splitParameters(optional(row, 'observableParameters')).length !== placeholders(observable.formula, 'observableParameter', observableId)) {
            throw fail(`observableParameters do not match the placeholders in the formula of '${observableId}'`);
        }
        return {
            observableId, simulationConditionId, measurement, time, noiseParameters,
            datasetId: optional(row, 'datasetId'), replicateId: optional(row, 'replicateId'),
            source: { file: table.file, line: row.line }
        };
    });
}

/** `a;b` → ['a', 'b'] (PEtab's separator for parameter overrides). */
function splitParameters(text: string | undefined): string[] {
    return text === undefined ? [] : text.split(';').map(p => p.trim());
}

/** How many `<kind>N_<observableId>` placeholders a formula uses (the highest N). */
function placeholders(formula: string, kind: string, observableId: string): number {
    const pattern = new RegExp(`\\b${kind}(\\d+)_${observableId}\\b`, 'g');
    return Math.max(0, ...[...formula.matchAll(pattern)].map(m => Number(m[1])));
}

/** The files `writePetabProblem` writes for problem `name`, in the Benchmark collection's naming. */
export function petabFileNames(name: string) {
    return {
        yaml: `${name}.yaml`,
        sbml: `model_${name}.xml`,
        measurements: `measurementData_${name}.tsv`,
        conditions: `experimentalCondition_${name}.tsv`,
        observables: `observables_${name}.tsv`,
        parameters: `parameters_${name}.tsv`
    };
}

/** Writes the problem as `name`'s six files in `folder` (each atomically); returns the YAML file's path. */
export async function writePetabProblem(folder: string, name: string, problem: PetabProblem): Promise<string> {
    const files = petabFileNames(name);
    const conditionColumns = [...new Set(problem.conditions.flatMap(c => [...c.values.keys()]))];
    const contents: [string, string][] = [
        [files.sbml, problem.sbml],
        [files.measurements, writeTable(['observableId', 'simulationConditionId', 'measurement', 'time', 'noiseParameters', 'datasetId', 'replicateId'],
            problem.measurements.map(m => [m.observableId, m.simulationConditionId, petabNumber(m.measurement), petabNumber(m.time),
                m.noiseParameters.join(';'), m.datasetId ?? '', m.replicateId ?? '']))],
        [files.conditions, writeTable(['conditionId', 'conditionName', ...conditionColumns],
            problem.conditions.map(c => [c.id, c.name ?? '', ...conditionColumns.map(column => c.values.get(column) ?? '')]))],
        [files.observables, writeTable(['observableId', 'observableName', 'observableFormula', 'observableTransformation', 'noiseFormula', 'noiseDistribution'],
            problem.observables.map(o => [o.id, o.name ?? '', o.formula, o.transformation, o.noiseFormula, o.noiseDistribution]))],
        [files.parameters, writeTable(['parameterId', 'parameterName', 'parameterScale', 'lowerBound', 'upperBound', 'nominalValue', 'estimate'],
            problem.parameters.map(p => [p.id, p.name ?? '', p.scale, petabNumber(p.lowerBound), petabNumber(p.upperBound), petabNumber(p.nominalValue), p.estimate ? '1' : '0']))],
        [files.yaml, dump({
            format_version: 1,
            parameter_file: files.parameters,
            problems: [{
                condition_files: [files.conditions],
                measurement_files: [files.measurements],
                observable_files: [files.observables],
                sbml_files: [files.sbml]
            }]
        })]
    ];
    await fs.mkdir(folder, { recursive: true });
    for (const [file, text] of contents) await writeFileAtomic(path.join(folder, file), text);
    return path.join(folder, files.yaml);
}

/** A number as PEtab writes it: shortest round-trip decimal, `inf` for infinity. */
export function petabNumber(value: number): string {
    if (value === Infinity) return 'inf';
    if (value === -Infinity) return '-inf';
    return String(value);
}
