/**
 * A compiled model as plain data (JSON, its long lists as typed arrays in base64), and the model
 * again from it and an equal IR without building or differentiating anything: the equation
 * system's terms (term-table.ts), its slots and addressable properties, and the generated
 * programs' sources with their index and number tables. Read back, the programs are the very sources and tables a fresh compile writes, so runs
 * are bit for bit the same; anything a file holds that a snapshot cannot is an error (the cache
 * then compiles afresh).
 */
import type { Expr, ModelIR } from '../ir.js';
import type { SparsityPattern } from '../solvers/problem.js';
import { assembleModel, type CompiledModel, type ModelPrograms } from './compiled-model.js';
import type { Exchange } from './balances.js';
import { EquationBuilder, varyingSets, type EquationSystem } from './equation-builder.js';
import type { ProgramSource } from './program.js';
import type { AddressableProperty, PropertySlot } from './slots.js';
import type { Term } from './terms.js';
import { readTerms, TermWriter } from './term-table.js';

/** A typed array as its type and its bytes (base64, this machine's byte order: see the cache's build key). */
interface TableData {
    type: 'i32' | 'f64';
    bytes: string;
}

interface ProgramData {
    source: string;
    tables: TableData[];
}

type SlotData =
    | { kind: 'literal' | 'state'; index: number }
    | { kind: 'expression'; weight: number; offset: number; replacements: { set: number; switch: number }[] };

export interface ModelSnapshot {
    /** The term table (term-table.ts): its structure (i32) and numbers (f64). */
    terms: { structure: TableData; numbers: TableData };
    /** Term numbers, each list an i32 table. */
    derivatives: TableData;
    initialValues: TableData;
    variables: TableData;
    variableNames: string[];
    slotValues: TableData;
    properties: { target: string; property: string; sub: string; slot: SlotData; value: number }[];
    breakpoints: TableData;
    fluxes: TableData;
    exchanges: { species: string; supply: number; clearance: number }[];
    memos: { owners: string[]; aspects: string[]; terms: TableData };
    rhs: ProgramData;
    initialValueProgram: ProgramData;
    jacobian: ProgramData & { rowStart: TableData; colIndex: TableData; temporaries: number };
    readsTimeAlways: boolean;
    timeSwitches: number[];
}

function tableData(table: Int32Array | Float64Array): TableData {
    return { type: table instanceof Int32Array ? 'i32' : 'f64', bytes: Buffer.from(table.buffer, table.byteOffset, table.byteLength).toString('base64') };
}

function table(data: TableData): Int32Array | Float64Array {
    // Copied into a buffer of its own: a decoded Buffer may sit unaligned in Node's pool.
    const bytes = new Uint8Array(Buffer.from(data.bytes, 'base64'));
    const size = data.type === 'i32' ? 4 : data.type === 'f64' ? 8 : 0;
    if (size === 0 || bytes.byteLength % size !== 0) throw new TypeError('bad table');
    return size === 4 ? new Int32Array(bytes.buffer) : new Float64Array(bytes.buffer);
}

function intTable(data: TableData): Int32Array {
    const t = table(data);
    if (!(t instanceof Int32Array)) throw new TypeError('bad index table');
    return t;
}

function floatTable(data: TableData): Float64Array {
    const t = table(data);
    if (!(t instanceof Float64Array)) throw new TypeError('bad number table');
    return t;
}

const programData = (p: ProgramSource): ProgramData => ({ source: p.source, tables: p.tables.map(tableData) });

function program(data: ProgramData): ProgramSource {
    if (typeof data.source !== 'string') throw new TypeError('bad program');
    return { source: data.source, tables: data.tables.map(table) };
}

/** The snapshot of a model compiled from `system` into `programs`. */
export function modelSnapshot(system: EquationSystem, programs: ModelPrograms): ModelSnapshot {
    const writer = new TermWriter();
    const rows = (terms: readonly Term[]) => tableData(Int32Array.from(terms, t => writer.number(t)));
    const sets = new Map<Expr, number>(varyingSets(system.ir).map((a, i) => [a.value, i]));
    const slot = (s: PropertySlot): SlotData => s.kind !== 'expression' ? s : {
        kind: 'expression', weight: s.weight, offset: s.offset,
        replacements: s.replacements.map(r => {
            const set = sets.get(r.value);
            if (set === undefined) throw new TypeError('internal: a replacement of no varying set');
            return { set, switch: r.switch };
        })
    };
    // Every term is numbered before the table is taken.
    const derivatives = rows(system.derivatives), initialValues = rows(system.initialValues), variables = rows(system.variables), fluxes = rows(system.fluxes);
    const properties = system.properties.map(p => ({ target: p.target, property: p.property, sub: p.sub, slot: slot(p.slot), value: writer.number(p.value) }));
    const exchanges = system.exchanges.map(x => ({ species: x.species, supply: writer.number(x.supply), clearance: writer.number(x.clearance) }));
    const memos = { owners: system.memos.map(m => m[0]), aspects: system.memos.map(m => m[1]), terms: rows(system.memos.map(m => m[2])) };
    const { structure, numbers } = writer.table();
    return {
        terms: { structure: tableData(structure), numbers: tableData(numbers) },
        derivatives, initialValues, variables, fluxes, properties, exchanges, memos,
        variableNames: system.variableNames,
        slotValues: tableData(Float64Array.from(system.slotValues)),
        breakpoints: tableData(Float64Array.from(system.breakpoints)),
        rhs: programData(programs.rhs),
        initialValueProgram: programData(programs.initialValues),
        jacobian: {
            ...programData(programs.jacobian), temporaries: programs.jacobian.temporaries,
            rowStart: tableData(programs.jacobian.pattern.rowStart), colIndex: tableData(programs.jacobian.pattern.colIndex)
        },
        readsTimeAlways: programs.readsTimeAlways,
        timeSwitches: programs.timeSwitches
    };
}

/** The model `snapshot` was taken of, for `ir` (equal to the IR it was compiled from); throws on a malformed snapshot. */
export function restoreModel(ir: ModelIR, snapshot: ModelSnapshot): CompiledModel {
    const terms = readTerms({ structure: intTable(snapshot.terms.structure), numbers: floatTable(snapshot.terms.numbers) });
    const term = (n: unknown) => {
        if (typeof n !== 'number' || !(n >= 0 && n < terms.length && Number.isInteger(n))) throw new TypeError('bad term number');
        return terms[n];
    };
    const termList = (data: TableData) => Array.from(intTable(data), term);
    const sets = varyingSets(ir);
    const slot = (s: SlotData): PropertySlot => s.kind !== 'expression' ? s : {
        kind: 'expression', weight: s.weight, offset: s.offset,
        replacements: s.replacements.map(r => {
            if (!Object.hasOwn(sets, r.set)) throw new TypeError('bad replacement');
            return { value: sets[r.set].value, switch: r.switch };
        })
    };
    const properties = snapshot.properties.map((p): AddressableProperty => ({ target: p.target, property: p.property, sub: p.sub, slot: slot(p.slot), value: term(p.value) }));
    const exchanges = snapshot.exchanges.map((x): Exchange => ({ species: x.species, supply: term(x.supply), clearance: term(x.clearance) }));
    const system = EquationBuilder.restore(ir, {
        derivatives: termList(snapshot.derivatives),
        initialValues: termList(snapshot.initialValues),
        variables: termList(snapshot.variables),
        variableNames: snapshot.variableNames,
        slotValues: [...floatTable(snapshot.slotValues)],
        properties,
        breakpoints: [...floatTable(snapshot.breakpoints)],
        fluxes: termList(snapshot.fluxes),
        exchanges,
        memos: termList(snapshot.memos.terms).map((t, i): [string, string, Term] => [snapshot.memos.owners[i], snapshot.memos.aspects[i], t])
    });
    if (system.derivatives.length !== system.stateNames.length) throw new TypeError('the snapshot is of another model');
    const { jacobian } = snapshot;
    const pattern: SparsityPattern = { n: system.stateNames.length, rowStart: intTable(jacobian.rowStart), colIndex: intTable(jacobian.colIndex) };
    if (pattern.rowStart.length !== pattern.n + 1 || pattern.rowStart[pattern.n] !== pattern.colIndex.length) throw new TypeError('bad Jacobian pattern');
    return assembleModel(system, {
        rhs: program(snapshot.rhs),
        initialValues: program(snapshot.initialValueProgram),
        jacobian: { ...program(jacobian), pattern, temporaries: jacobian.temporaries },
        readsTimeAlways: snapshot.readsTimeAlways === true,
        timeSwitches: snapshot.timeSwitches
    });
}
