import type { Expr } from '@neurocascade/simulator';
import { binary, name } from './expression-building.js';

/** What one SBML id became in the Cascade file. */
export interface SbmlMappingEntry {
    /** The SBML id (for local parameters: `reaction/id`). */
    id: string;
    /** The Cascade name it became. */
    name: string;
    kind: 'compartment' | 'species' | 'parameter' | 'local-parameter' | 'reaction' | 'function';
    /** Species: the Cascade name of its compartment. */
    compartment?: string;
    /**
     * Species: true when the Cascade name holds the amount (a `rule` for a species with
     * hasOnlySubstanceUnits), false when it holds the concentration (every Cascade species).
     */
    amount?: boolean;
}

export interface SbmlMapping {
    modelName: string;
    entries: SbmlMappingEntry[];
}

/** The Cascade expression reporting an SBML variable as an amount or as a concentration (species only). */
export function reportedValue(entry: SbmlMappingEntry, as: 'amount' | 'concentration'): Expr {
    const value = name(entry.name);
    if (entry.kind !== 'species' || entry.compartment === undefined) return value;
    const volume = name(entry.compartment);
    if (as === 'amount') return entry.amount ? value : binary('*', value, volume);
    return entry.amount ? binary('/', value, volume) : value;
}
