/**
 * Conserved moieties: vectors c with Σ c_X·dX/dt ≡ 0 whatever the concentrations (a cofactor
 * cycle's total, an enzyme's free + bound forms). They make the Jacobian singular, so the
 * steady-state analyses replace one balance per law by the law itself (docs/analysis.md).
 * The laws come from the stoichiometry: the left null space of N, whose columns are the
 * process fluxes (ν·V(process)/V(X)); a species with its own supply, clearance, infusion or rate rule
 * has a column nobody else shares and so takes part in no law.
 */
import type { CompiledModel } from '../model/compiled-model.js';
import { INFUSION } from '../model/properties.js';
import type { Term } from '../model/terms.js';

export interface ConservationLaw {
    /** The state whose balance the law replaces (coefficient 1; 0 in every other law). */
    dependent: number;
    /** State index → coefficient. */
    coefficients: Map<number, number>;
}

/** Relative size below which an eliminated entry counts as zero. */
const ZERO_TOLERANCE = 1e-10;

/** The value of each term with the slots as they are now, at a state (default: all zero) and time. */
export function termValues(m: CompiledModel, terms: readonly Term[], at?: StatePoint): Float64Array {
    const out = new Float64Array(terms.length);
    m.program(terms)(at?.time ?? 0, at?.state ?? new Float64Array(m.stateNames.length), out);
    return out;
}

/** A state and its time. */
export interface StatePoint {
    state: Float64Array;
    time: number;
}

/**
 * What the laws depend on: which supplies and clearances are zero, and the volumes. The
 * program computing it is compiled once per model, the laws once per distinct answer.
 */
const structureKeys = new WeakMap<CompiledModel, () => string>();
const knownLaws = new WeakMap<CompiledModel, Map<string, ConservationLaw[]>>();

function structureKey(m: CompiledModel): string {
    let key = structureKeys.get(m);
    if (!key) {
        const terms = [...ownTerms(m), ...m.ir.compartments.map(c => m.properties({ target: c.name, property: 'volume' })[0].value)];
        const program = m.program(terms);
        const y = new Float64Array(m.stateNames.length), out = new Float64Array(terms.length);
        const own = m.ir.species.length * 2;
        key = () => {
            program(0, y, out);
            return Array.from(out, (v, k) => (k < own ? (v === 0 ? '0' : '1') : String(v))).join(',');
        };
        structureKeys.set(m, key);
    }
    return key();
}

function ownTerms(m: CompiledModel): Term[] {
    return m.ir.species.flatMap(s => [
        m.properties({ target: s.name, property: 'supply' })[0].value,
        m.properties({ target: s.name, property: 'clearance' })[0].value
    ]);
}

/** States whose derivative is identically 0 (fixed species): they never move. */
export function constantStates(m: CompiledModel): boolean[] {
    return m.system.derivatives.map(d => d.k === 'num' && d.v === 0);
}

/** The stoichiometric rows of the species that can take part in a law (others are left out). */
function stoichiometry(m: CompiledModel): Map<number, Map<number, number>> {
    const { ir } = m;
    const constant = constantStates(m);
    const ruled = new Set(ir.rateRules.map(r => r.target));
    // An infusion is a species' own inflow, like a supply that a schedule switches on.
    const infused = new Set(m.system.properties.filter(p => p.property === INFUSION).map(p => p.target));
    const ownValues = termValues(m, ownTerms(m));
    const volume = new Map(ir.compartments.map(c => [c.name, m.properties({ target: c.name, property: 'volume' })[0].value]));
    const volumes = termValues(m, [...volume.values()]);
    const litres = new Map([...volume.keys()].map((name, k) => [name, volumes[k]]));
    const rows = new Map<number, Map<number, number>>();
    ir.species.forEach((s, i) => {
        if (constant[i] || ruled.has(s.name) || infused.has(s.name) || ownValues[2 * i] !== 0 || ownValues[2 * i + 1] !== 0) return;
        rows.set(i, new Map());
    });
    const index = new Map(ir.species.map((s, i) => [s.name, i]));
    ir.processes.forEach((p, column) => {
        const add = (species: string, nu: number) => {
            const i = index.get(species)!;
            const row = rows.get(i);
            if (!row) return;
            const x = ir.species[i];
            const entry = (row.get(column) ?? 0) + nu * litres.get(p.compartment)! / litres.get(x.compartment)!;
            row.set(column, entry);
        };
        p.reactants.forEach(t => add(t.species, -t.coefficient));
        p.products.forEach(t => add(t.species, t.coefficient));
    });
    return rows;
}

/**
 * A species alone (among the candidates) in some flux column has coefficient 0 in every law:
 * dropping such species repeatedly leaves the few in cycles, so the dense elimination stays small.
 */
function peel(rows: Map<number, Map<number, number>>): void {
    for (let changed = true; changed;) {
        changed = false;
        const holders = new Map<number, number[]>();
        for (const [i, row] of rows) for (const [col, v] of row) if (v !== 0) holders.set(col, [...(holders.get(col) ?? []), i]);
        for (const alone of holders.values()) {
            if (alone.length === 1 && rows.delete(alone[0])) changed = true;
        }
    }
}

/** The left null space of the remaining rows, by elimination on [N | I]. */
function leftNullSpace(rows: Map<number, Map<number, number>>): { states: number[]; vectors: number[][] } {
    const states = [...rows.keys()];
    const columns = [...new Set(states.flatMap(i => [...rows.get(i)!.keys()]))];
    const m = states.length;
    const a = states.map(i => columns.map(c => rows.get(i)!.get(c) ?? 0));
    const e = states.map((_, r) => states.map((__, c) => (r === c ? 1 : 0)));
    const scale = Math.max(1e-300, ...a.flat().map(Math.abs));
    const used = new Array<boolean>(m).fill(false);
    columns.forEach((_, c) => {
        let pivot = -1;
        for (let r = 0; r < m; r++) {
            if (!used[r] && Math.abs(a[r][c]) > ZERO_TOLERANCE * scale && (pivot < 0 || Math.abs(a[r][c]) > Math.abs(a[pivot][c]))) pivot = r;
        }
        if (pivot < 0) return;
        used[pivot] = true;
        for (let r = 0; r < m; r++) {
            if (used[r] || a[r][c] === 0) continue;
            const f = a[r][c] / a[pivot][c];
            for (let k = 0; k < columns.length; k++) a[r][k] -= f * a[pivot][k];
            for (let k = 0; k < m; k++) e[r][k] -= f * e[pivot][k];
            a[r][c] = 0;
        }
    });
    return { states, vectors: e.filter((_, r) => !used[r]) };
}

/**
 * The conservation laws of the model in reduced form: each law's dependent state has
 * coefficient 1 in it and 0 in the others (the largest remaining entry is chosen, for stability).
 */
export function conservationLaws(m: CompiledModel): ConservationLaw[] {
    const key = structureKey(m);
    let byKey = knownLaws.get(m);
    if (!byKey) knownLaws.set(m, byKey = new Map());
    let laws = byKey.get(key);
    if (!laws) byKey.set(key, laws = findLaws(m));
    return laws;
}

function findLaws(m: CompiledModel): ConservationLaw[] {
    const rows = stoichiometry(m);
    peel(rows);
    if (rows.size === 0) return [];
    const { states, vectors } = leftNullSpace(rows);
    const chosen = new Set<number>();
    const dependents: number[] = [];
    vectors.forEach((v, l) => {
        let best = -1;
        v.forEach((x, k) => { if (!chosen.has(k) && (best < 0 || Math.abs(x) > Math.abs(v[best]))) best = k; });
        chosen.add(best);
        dependents.push(best);
        const pivot = v[best];
        for (let k = 0; k < v.length; k++) v[k] /= pivot;
        vectors.forEach((w, o) => {
            if (o === l || w[best] === 0) return;
            const f = w[best];
            for (let k = 0; k < w.length; k++) w[k] -= f * v[k];
        });
    });
    return vectors.map((v, l) => {
        const coefficients = new Map<number, number>();
        v.forEach((x, k) => { if (Math.abs(x) > ZERO_TOLERANCE) coefficients.set(states[k], k === dependents[l] ? 1 : x); });
        return { dependent: states[dependents[l]], coefficients };
    });
}
