/**
 * One loop over the members of a statement group (statements of one shape, see program.ts).
 * An index column that steps evenly from member to member, as the species, parameters and
 * intermediates of a regular network do, is computed from the loop counter instead of read
 * from the index table, and the trip count is a literal: 5–8 % off a whole run of the
 * benchmark's 100- and 1,000-species networks.
 */
import { index } from './codegen.js';

export interface GroupMember {
    ints: number[];
    floats: number[];
}

/** base + m·stride for every member m, or undefined. */
function evenStep(members: readonly GroupMember[], k: number): { base: number; stride: number } | undefined {
    const base = members[0].ints[k];
    const stride = members[1].ints[k] - base;
    if (stride < 0) return undefined;
    return members.every((member, m) => member.ints[k] === base + m * stride) ? { base, stride } : undefined;
}

/** The loop's source; its index and number tables are appended to `tables`. */
export function groupLoop(shape: string, members: readonly GroupMember[], tables: (Int32Array | Float64Array)[]): string {
    const columns = members[0].ints.length;
    const steps = Array.from({ length: columns }, (_, k) => evenStep(members, k));
    const kept = steps.flatMap((step, k) => (step === undefined ? [k] : []));
    const body = shape.replace(/I\[b(?: \+ (\d+))?\]/g, (_, column: string | undefined) => {
        const k = Number(column ?? 0);
        const step = steps[k];
        if (step === undefined) return `I[b + ${index(kept.indexOf(k))}]`;
        if (step.stride === 0) return index(step.base);
        return `(${index(step.base)} + ${index(step.stride)} * m)`;
    });
    const kf = members[0].floats.length;
    // Filled in place: flattening through per-member arrays cost a tenth of compiling 1,000 species.
    const intTable = new Int32Array(members.length * kept.length), floatTable = new Float64Array(members.length * kf);
    members.forEach((member, m) => {
        kept.forEach((k, n) => { intTable[m * kept.length + n] = member.ints[k]; });
        floatTable.set(member.floats, m * kf);
    });
    const ints = tables.push(intTable) - 1;
    const floats = tables.push(floatTable) - 1;
    return `{ const I = T[${ints}], F = T[${floats}];\n` +
        `for (let m = 0, b = 0, c = 0; m < ${index(members.length)}; m++, b += ${index(kept.length)}, c += ${index(kf)}) ${body} }`;
}
