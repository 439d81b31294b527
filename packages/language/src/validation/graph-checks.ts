import type { ValidationAcceptor, ValidationChecks } from 'langium';
import {
    isDoseAction, isEffectKind, isInfusion, type Infusion, isReceptor, isSetAction, isSpecies, type Action, type CascadeAstType, type CascadeFile, type Declaration, type Scenario,
    type Species, type TimedAction, type WhenEvent
} from '../generated/ast.js';
import { propertyOf } from '../units/written-values.js';
import { constantValue } from './constant-folding.js';
import { CODE_ACCUMULATES, CODE_DEPLETED, CODE_NO_BALANCE, CODE_UNBOUND_TRANSMITTER } from './diagnostic-codes.js';
import type { ModelAnalyses } from './model-analysis.js';

/** How a document's species are connected in the model it sees. */
interface Flows {
    /** Species → the first process that consumes it. */
    consumed: Map<Species, string>;
    produced: Map<Species, string>;
    /** Species another construct drives: a rate rule, an initial assignment, a dose or set. */
    driven: Set<Species>;
    bound: Set<Species>;
}

/** depleted, accumulates, unbound-transmitter (on the species of this document) and no-balance (docs/reference.md#checks). */
export function graphChecks(analyses: ModelAnalyses): ValidationChecks<CascadeAstType> {
    return {
        CascadeFile: (file, accept) => {
            // Only declarations that can refer to this file's species move them.
            const flows = collectFlows(analyses.of(file).readingDeclarations);
            checkSpecies(file, flows, accept);
        },
        BalanceRef: (ref, accept) => {
            const analysis = analyses.of(ref);
            const tones = analysis.memo('receptor-effects', () => new Set(analysis.declarations.filter(isReceptor)
                .flatMap(receptor => receptor.members.filter(isEffectKind).map(kind => kind.effect))));
            const lacking = ['excitatory', 'inhibitory'].filter(tone => !tones.has(tone as never));
            if (lacking.length > 0) {
                accept('error', `balance needs both excitatory and inhibitory receptors; this model has no ${lacking.join(' and no ')} receptor ('effect ${lacking[0]}').`,
                    { node: ref, data: { code: CODE_NO_BALANCE } });
            }
        }
    };
}

function collectFlows(declarations: Declaration[]): Flows {
    const flows: Flows = { consumed: new Map(), produced: new Map(), driven: new Set(), bound: new Set() };
    const note = (map: Map<Species, string>, species: unknown, process: string) => {
        if (isSpecies(species) && !map.has(species)) map.set(species, process);
    };
    // Dispatches on `$type` (not the reflection guards): this visits every declaration of the model.
    for (const declaration of declarations) {
        switch (declaration.$type) {
            case 'Enzyme': case 'Transporter': case 'Release': case 'Reaction':
                for (const member of declaration.members) {
                    if (member.$type !== 'Equation') continue;
                    member.reactants.forEach(term => note(flows.consumed, term.species?.ref, declaration.name));
                    member.products.forEach(term => note(flows.produced, term.species?.ref, declaration.name));
                    // A reversible process runs both ways: it also consumes its products and produces its substrates.
                    if (!member.reversible) continue;
                    member.products.forEach(term => note(flows.consumed, term.species?.ref, declaration.name));
                    member.reactants.forEach(term => note(flows.produced, term.species?.ref, declaration.name));
                }
                break;
            case 'Receptor':
                for (const member of declaration.members) {
                    if (member.$type === 'Binds' && isSpecies(member.ligand?.ref)) flows.bound.add(member.ligand?.ref);
                }
                break;
            case 'RateRule': case 'InitialAssignment':
                if (isSpecies(declaration.target?.ref)) flows.driven.add(declaration.target?.ref);
                break;
            case 'Scenario': case 'WhenEvent':
                for (const action of actionsOf(declaration)) {
                    if ((isDoseAction(action) || isSetAction(action) || isInfusion(action)) && isSpecies(action.target?.ref)) flows.driven.add(action.target?.ref);
                }
        }
    }
    return flows;
}

/** Every action of a scenario or event, timed and conditional ones included. */
function actionsOf(owner: Scenario | WhenEvent | TimedAction): (Action | Infusion)[] {
    const statements = owner.$type === 'Scenario' ? owner.statements : owner.actions;
    const scheduled = owner.$type === 'TimedAction' && owner.schedule ? [owner.schedule.dose] : [];
    return [...scheduled, ...statements.flatMap((statement): (Action | Infusion)[] => {
        switch (statement.$type) {
            case 'TimedAction': case 'WhenEvent': return actionsOf(statement);
            case 'Schedule': return [statement.dose];
            case 'SetAction': case 'DoseAction': case 'InhibitAction': case 'ScaleAction': case 'Infusion': return [statement];
            default: return [];
        }
    })];
}

function checkSpecies(file: CascadeFile, flows: Flows, accept: ValidationAcceptor): void {
    for (const species of file.declarations) {
        if (species.$type !== 'Species') continue;
        const free = !species.members.some(member => member.$type === 'Fixed') && !flows.driven.has(species);
        const consumer = flows.consumed.get(species);
        const producer = flows.produced.get(species);
        if (free && consumer && !producer && !nonZero(species, 'supply') && !nonZero(species, 'initial')) {
            accept('warning', `'${species.name}' is consumed by ${consumer} but never produced, supplied or initially present: it stays at 0 and ${consumer} never runs.`,
                { node: species, property: 'name', data: { code: CODE_DEPLETED } });
        }
        if (free && producer && !consumer && !nonZero(species, 'clearance')) {
            accept('warning', `'${species.name}' is produced by ${producer} but never consumed or cleared: it grows without bound. Add 'clearance'.`,
                { node: species, property: 'name', data: { code: CODE_ACCUMULATES } });
        }
        if (species.kind === 'transmitter' && !flows.bound.has(species)) {
            accept('info', `No receptor binds '${species.name}'.`, { node: species, property: 'name', data: { code: CODE_UNBOUND_TRANSMITTER } });
        }
    }
}

/** The property is written and not the constant 0 (an expression that is not constant counts). */
function nonZero(species: Species, key: string): boolean {
    const value = propertyOf(species.members, key);
    return value !== undefined && constantValue(value) !== 0;
}
