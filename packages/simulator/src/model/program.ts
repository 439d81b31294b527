/**
 * Assembles statements `space[i] = term` into one JavaScript function. Statements of the
 * same shape (the same code up to array indices and numbers) and the same dependency level
 * become one loop over an index table, so a model of a thousand similar species compiles
 * to a few dozen small loops: V8 optimizes those in milliseconds, where thousands of
 * straight-line statements would run interpreted until a very slow optimizing compile.
 */
import { DIRECT, expression, index, type Emitter } from './codegen.js';
import { groupLoop, type GroupMember } from './group-loop.js';
import { children, type Term } from './terms.js';

export interface Statement {
    space: 'w' | 'g' | 'o';
    index: number;
    term: Term;
}

export type Program = (t: number, y: Float64Array, o: Float64Array) => void;

export interface ProgramSource {
    source: string;
    tables: (Int32Array | Float64Array)[];
}

/** Fewer statements of one shape than this are written out one by one. */
const LOOP_THRESHOLD = 4;
/** V8 stops optimizing very large functions, so long straight-line code is split. */
const CHUNK_CHARACTERS = 8_000;

/** Writes indices as I[b + k] and numbers as F[c + k], collecting their values. */
class TableEmitter implements Emitter {
    readonly ints: number[] = [];
    readonly floats: number[] = [];
    private readonly slots = new Map<string, number>();

    ref(space: 'y' | 'p' | 'w' | 'g', i: number): string {
        const key = space + i;
        let k = this.slots.get(key);
        if (k === undefined) {
            k = this.ints.push(Number(index(i))) - 1;
            this.slots.set(key, k);
        }
        DIRECT.ref(space, i); // validates the space and the index
        return `${space}[I[b + ${k}]]`;
    }

    num(v: number): string {
        return `F[c + ${this.floats.push(v) - 1}]`;
    }
}

function levels(statements: readonly Statement[]): number[] {
    const level = new Map<string, number>();
    return statements.map(s => {
        let deepest = -1;
        const stack = [s.term];
        while (stack.length > 0) {
            const t = stack.pop()!;
            if (t.k === 'ref' && (t.space === 'w' || t.space === 'g')) deepest = Math.max(deepest, level.get(t.space + t.i) ?? -1);
            else stack.push(...children(t));
        }
        level.set(s.space + s.index, deepest + 1);
        return deepest + 1;
    });
}

interface Group {
    shape: string;
    members: GroupMember[];
    statements: Statement[];
}

export function programSource(statements: readonly Statement[]): ProgramSource {
    const byLevel: Map<string, Group>[] = [];
    const level = levels(statements);
    statements.forEach((s, n) => {
        const emitter = new TableEmitter();
        emitter.ints.push(Number(index(s.index)));
        const shape = `${s.space}[I[b]] = ${expression(s.term, emitter)};`;
        const groups = (byLevel[level[n]] ??= new Map());
        const group = groups.get(shape) ?? { shape, members: [], statements: [] };
        groups.set(shape, group);
        group.members.push({ ints: emitter.ints, floats: emitter.floats });
        group.statements.push(s);
    });
    const tables: (Int32Array | Float64Array)[] = [];
    const units: string[] = [];
    for (const groups of byLevel) {
        for (const g of groups?.values() ?? []) {
            if (g.members.length < LOOP_THRESHOLD) {
                units.push(...g.statements.map(s => `${s.space}[${index(s.index)}] = ${expression(s.term)};`));
                continue;
            }
            units.push(groupLoop(g.shape, g.members, tables));
        }
    }
    const chunks: string[][] = [[]];
    let size = 0;
    for (const u of units) {
        if (size + u.length > CHUNK_CHARACTERS && chunks[chunks.length - 1].length > 0) {
            chunks.push([]);
            size = 0;
        }
        chunks[chunks.length - 1].push(u);
        size += u.length;
    }
    const source = '"use strict";\n' +
        chunks.map((c, n) => `function c${n}(t, y, o) {\n${c.join('\n')}\n}`).join('\n') +
        `\nreturn function (t, y, o) {\n${chunks.map((_, n) => `c${n}(t, y, o);`).join('\n')}\n};`;
    return { source, tables };
}

type Factory = (p: Float64Array, w: Float64Array, g: Float64Array, tables: ProgramSource['tables']) => Program;

/**
 * Factories by source. Editing a number in the editor changes slots and tables, not the
 * source, so the recompiled model reuses the factory, and V8 shares the already optimized
 * code among closures of one factory: the re-run starts warm.
 */
const factories = new Map<string, Factory>();
const CACHED_FACTORIES = 64;

/** Compiles a program over the shared arrays `p` (slots), `w` (intermediates) and `g` (Jacobian temporaries). */
export function buildProgram(program: ProgramSource, p: Float64Array, w: Float64Array, g: Float64Array): Program {
    let factory = factories.get(program.source);
    if (factory) {
        factories.delete(program.source);
    } else {
        factory = new Function('p', 'w', 'g', 'T', program.source) as Factory;
        if (factories.size >= CACHED_FACTORIES) factories.delete(factories.keys().next().value!);
    }
    factories.set(program.source, factory);
    return factory(p, w, g, program.tables);
}
