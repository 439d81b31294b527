/**
 * Assembles statements `space[i] = term` into one JavaScript function. Statements of the
 * same shape (the same code up to array indices and numbers) and the same dependency level
 * become one loop over an index table, so a model of a thousand similar species compiles
 * to a few dozen small loops: V8 optimizes those in milliseconds, where thousands of
 * straight-line statements would run interpreted until a very slow optimizing compile.
 */
import { DIRECT, expression, index, type Emitter } from './codegen.js';
import { groupLoop, type GroupMember } from './group-loop.js';
import { pushChildren, type Term } from './terms.js';

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

/**
 * A term written with placeholders: its k-th distinct reference as I[b + k] (k from 1; I[b] is
 * the statement's own index) and its n-th number as F[c + n], with their values.
 */
interface TableForm {
    body: string;
    ints: number[];
    floats: number[];
}

const SPACE_CODES: Readonly<Record<string, number>> = { y: 0, p: 1, w: 2, g: 3 };

/** Writes indices as I[b + k] and numbers as F[c + k], collecting their values. */
class TableEmitter implements Emitter {
    readonly ints: number[] = [];
    readonly floats: number[] = [];
    /** Placeholder of each reference written, by 4·index + space code (numbers, not strings, as keys). */
    private readonly slots = new Map<number, number>();

    ref(space: 'y' | 'p' | 'w' | 'g', i: number): string {
        // A bad space or index is rejected (DIRECT's checks throw) before it can share a placeholder.
        if (!Object.hasOwn(SPACE_CODES, space) || !Number.isInteger(i) || i < 0) DIRECT.ref(space, i);
        const key = 4 * i + SPACE_CODES[space];
        let k = this.slots.get(key);
        if (k === undefined) {
            k = this.ints.push(i);
            this.slots.set(key, k);
        }
        return `${space}[I[b + ${k}]]`;
    }

    num(v: number): string {
        return `F[c + ${this.floats.push(v) - 1}]`;
    }
}

// Terms are immutable and shared: an intermediate is written into the right-hand side's program
// and again into the Jacobian's (and the sensitivities'), so each term is written once.
const tableForms = new WeakMap<Term, TableForm>();
const directForms = new WeakMap<Term, string>();

function tableForm(term: Term): TableForm {
    let form = tableForms.get(term);
    if (!form) {
        const emitter = new TableEmitter();
        form = { body: expression(term, emitter), ints: emitter.ints, floats: emitter.floats };
        tableForms.set(term, form);
    }
    return form;
}

function directForm(term: Term): string {
    let text = directForms.get(term);
    if (text === undefined) directForms.set(term, text = expression(term));
    return text;
}

/** The dependency level of each statement: 0 reads no w or g, otherwise 1 + the deepest it reads. */
function levels(statements: readonly Statement[]): number[] {
    const known: Record<'w' | 'g', number[]> = { w: [], g: [] };
    for (const s of statements) if (s.space !== 'o') known[s.space][s.index] = -1;
    const stack: Term[] = [];
    return statements.map(s => {
        let deepest = -1;
        stack.push(s.term);
        while (stack.length > 0) {
            const t = stack.pop()!;
            if (t.k !== 'ref') pushChildren(t, stack);
            else if (t.space === 'w' || t.space === 'g') deepest = Math.max(deepest, known[t.space][t.i] ?? -1);
        }
        if (s.space !== 'o') known[s.space][s.index] = deepest + 1;
        return deepest + 1;
    });
}

interface Group {
    space: Statement['space'];
    body: string;
    members: GroupMember[];
    statements: Statement[];
}

export function programSource(statements: readonly Statement[]): ProgramSource {
    /** Per level, its groups in the order of their first statements, and the same by body and space. */
    const byLevel: { groups: Group[]; byBody: Map<string, Partial<Record<Statement['space'], Group>>> }[] = [];
    const level = levels(statements);
    statements.forEach((s, n) => {
        const form = tableForm(s.term);
        const at = (byLevel[level[n]] ??= { groups: [], byBody: new Map() });
        let bySpace = at.byBody.get(form.body);
        if (!bySpace) at.byBody.set(form.body, bySpace = {});
        let group = bySpace[s.space];
        if (!group) {
            group = bySpace[s.space] = { space: s.space, body: form.body, members: [], statements: [] };
            at.groups.push(group);
        }
        group.members.push({ ints: [Number(index(s.index)), ...form.ints], floats: form.floats });
        group.statements.push(s);
    });
    const tables: (Int32Array | Float64Array)[] = [];
    const units: string[] = [];
    for (const at of byLevel) {
        for (const g of at?.groups ?? []) {
            if (g.members.length < LOOP_THRESHOLD) {
                units.push(...g.statements.map(s => `${s.space}[${index(s.index)}] = ${directForm(s.term)};`));
                continue;
            }
            units.push(groupLoop(`${g.space}[I[b]] = ${g.body};`, g.members, tables));
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
