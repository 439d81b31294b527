import { BUILTIN_FUNCTIONS } from '@neurocascade/simulator';

/** Words of the Cascade syntax (cascade.langium) plus the built-in names `t` and `balance`: never declarable. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
    'model', 'units', 'unchecked', 'scan', 'vary', 'to', 'steps', 'log', 'import', 'compartment', 'in', 'precursor', 'cofactor', 'intermediate',
    'transmitter', 'metabolite', 'enzyme', 'transporter', 'release', 'receptor', 'modulator', 'reaction',
    'parameter', 'function', 'rule', 'rate', 'of', 'initial', 'when', 'volume', 'supply', 'clearance',
    'molar_mass', 'vmax', 'kd', 'hill', 'density', 'level', 'km', 'converts', 'moves', 'requires', 'inhibited',
    'by', 'ki', 'competitive', 'noncompetitive', 'uncompetitive', 'blocked', 'substrate_inhibition', 'binds',
    'effect', 'tone', 'excitatory', 'inhibitory', 'modulatory', 'fixed', 'increases', 'decreases', 'activity',
    'max', 'ec50', 'scenario', 'extends', 'simulate', 'step', 'observe', 'expect', 'at', 'steady', 'between',
    'and', 'set', 'dose', 'inhibit', 'scale', 'cascade', 'from', 'perturb', 'measure', 'or', 'not',
    'occupancy', 'activation', 't', 'balance', 'keq', 'km_product', 'kf', 'kr', 'protein',
    'population', 'lognormal', 'normal', 'uniform', 'cv', 'sd', 'truncated', 'size', 'seed',
    'above', 'below', 'every', 'times', 'until', 'infuse', 'relative',
    'data', 'fit', 'estimate', 'include', 'expects'
]);

const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Hands out Cascade names: an SBML id is kept when Cascade accepts it, otherwise it gets a
 * trailing `_` (repeated until unique). Every renaming is recorded for the file's header comment.
 */
export class NameAllocator {
    private readonly taken = new Set<string>();
    readonly renamed: { sbml: string; cascade: string; why: string }[] = [];

    /** Reserves names that are used verbatim elsewhere (the SBML ids that need no change). */
    reserve(names: Iterable<string>): void {
        for (const name of names) if (isDeclarable(name)) this.taken.add(name);
    }

    /**
     * The Cascade name for the SBML id `sbmlId`, wanted as `base` (default the id itself).
     * `isFunction` also avoids the built-in function names; `preReserved` says `base` was
     * passed to `reserve` for this very id. A name that differs from the id is recorded.
     */
    allocate(sbmlId: string, options: { base?: string; isFunction?: boolean; preReserved?: boolean; why?: string } = {}): string {
        const base = options.base ?? sbmlId;
        const clash = !VALID_NAME.test(base) ? 'not a valid Cascade name' : RESERVED_WORDS.has(base) ? 'a Cascade keyword'
            : options.isFunction && BUILTIN_FUNCTIONS.has(base) ? 'a built-in function' : undefined;
        let name = base;
        if (clash !== undefined || (!options.preReserved && this.taken.has(base))) {
            // An empty id (SBML forbids it, a hostile file has it) becomes `_`, never an empty name.
            name = VALID_NAME.test(base) ? `${base}_` : base.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=\d)|^$/, '_');
            while (RESERVED_WORDS.has(name) || this.taken.has(name)) name += '_';
        }
        this.taken.add(name);
        if (name !== sbmlId) this.renamed.push({ sbml: sbmlId, cascade: name, why: options.why ?? clash ?? 'taken by another name' });
        return name;
    }
}

function isDeclarable(name: string): boolean {
    return VALID_NAME.test(name) && !RESERVED_WORDS.has(name);
}
