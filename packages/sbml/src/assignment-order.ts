import type { Expr } from '@neurocascade/simulator';

export interface Assignment { target: string; value: Expr; reads: ReadonlySet<string> }

/**
 * SBML evaluates every assignment of an event before applying any; Cascade applies `set`s in
 * order, each seeing the ones before. An order in which no assignment reads a name set earlier
 * keeps SBML's meaning; `undefined` when none exists (the assignments read each other in a cycle).
 */
export function simultaneousOrder(assignments: readonly Assignment[]): Assignment[] | undefined {
    return ordered(assignments, (candidate, other) => other.reads.has(candidate.target));
}

/**
 * SBML computes initial assignments (and the rules they read) as one system, in whatever order
 * their dependencies need; written in that order, each `initial` reads only values already set.
 * Assignments that depend on each other in a cycle keep their written order.
 */
export function dependencyOrder(assignments: readonly Assignment[]): Assignment[] {
    return ordered(assignments, (candidate, other) => candidate.reads.has(other.target)) ?? [...assignments];
}

/** Repeatedly takes the first pending assignment that no other pending one blocks. */
function ordered(assignments: readonly Assignment[], blocks: (candidate: Assignment, other: Assignment) => boolean): Assignment[] | undefined {
    const pending = [...assignments];
    const result: Assignment[] = [];
    while (pending.length > 0) {
        const index = pending.findIndex(candidate => pending.every(other => other === candidate || !blocks(candidate, other)));
        if (index < 0) return undefined;
        result.push(...pending.splice(index, 1));
    }
    return result;
}
