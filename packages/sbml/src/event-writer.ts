import type { Expr } from '@neurocascade/simulator';
import { name, num } from './expression-building.js';
import { printExpression as print } from './expression-printer.js';
import { simultaneousOrder, type Assignment } from './assignment-order.js';
import type { NameAllocator } from './identifiers.js';
import type { SbmlEvent } from './sbml-model.js';
import { commentLine } from './comment-line.js';

/**
 * An SBML event as a `when` block. Its assignments are ordered so none reads a value set before
 * it; when they read each other in a cycle, each value is first saved in a parameter of its own.
 */
export function writeEvent(event: SbmlEvent, condition: Expr | undefined, assignments: Assignment[], names: NameAllocator): string[] {
    const label = commentLine(`event ${event.id ?? event.element.path}`);
    if (condition === undefined) return [`${label}: no trigger, so it never fires`];
    const ordered = simultaneousOrder(assignments);
    const saved: string[] = [];
    const sets: string[] = [];
    if (ordered) {
        sets.push(...ordered.map(a => `set ${a.target} ${print(a.value)}`));
    } else {
        const temporaries = assignments.map(a => names.allocate(a.target, { base: `${a.target}_new`, why: `value saved by event ${event.id ?? ''}`.trim() }));
        saved.push(...temporaries.map(t => `parameter ${t} = ${print(num(0))}`));
        sets.push(...assignments.map((a, i) => `set ${temporaries[i]} ${print(a.value)}`));
        sets.push(...assignments.map((a, i) => `set ${a.target} ${print(name(temporaries[i]))}`));
    }
    return [...saved, `${label}\nwhen ${print(condition)} {\n${sets.map(s => `    ${s}`).join('\n')}\n}`];
}
