import type { ValidationAcceptor, ValidationChecks } from 'langium';
import {
    isParameter, isQuantity, isSpecies, type CascadeAstType, type Expression, type NamedElement, type Perturb,
    type PopulationVary, type ScaleAction, type SetAction, type Vary, type Estimate
} from '../generated/ast.js';
import { addressableProperties, isProcess, kindName, withArticle } from './declaration-kinds.js';
import { CODE_WRONG_KIND } from './diagnostic-codes.js';
import { requireKind } from './kind-checks.js';

/** wrong-kind in scenarios and cascades: properties a target lacks, doses of non-species, constants observed (docs/reference.md#actions, #cascades). */
export function actionChecks(): ValidationChecks<CascadeAstType> {
    return {
        SetAction: checkProperty,
        ScaleAction: checkProperty,
        Perturb: checkProperty,
        Vary: checkProperty,
        PopulationVary: checkProperty,
        Estimate: checkProperty,
        DoseAction: (dose, accept) => requireKind(dose, 'target', dose.target, isSpecies, 'a species', 'dose', accept),
        InhibitAction: (inhibit, accept) => requireKind(inhibit, 'target', inhibit.target, isProcess,
            'an enzyme, transporter, release or reaction', 'inhibit', accept),
        Observe: (observe, accept) => observe.items.forEach(item => checkObservable(item, accept)),
        Measure: (measure, accept) => measure.items.forEach(item => checkObservable(item, accept))
    };
}

/** `set X p v`, `scale X p v`, `perturb X p v`, `vary`, `estimate`: X must have p; a bare `set X v` needs a species or parameter. */
function checkProperty(action: SetAction | ScaleAction | Perturb | Vary | PopulationVary | Estimate, accept: ValidationAcceptor): void {
    const target = action.target?.ref as NamedElement | undefined;
    if (!target) return;
    if (!action.property) {
        requireKind(action, 'target', action.target, t => isSpecies(t) || isParameter(t), 'a species or parameter (or name a property)', action.$type === 'Estimate' ? 'estimate' : 'set', accept);
        return;
    }
    const properties = addressableProperties(target);
    if (properties.includes(action.property)) return;
    const has = properties.length > 0 ? `it has ${properties.join(', ')}` : 'it has no properties to change';
    accept('error', `'${target.name}' is ${withArticle(kindName(target))} and has no '${action.property}'; ${has}.`,
        { node: action, property: 'property', data: { code: CODE_WRONG_KIND } });
}

/** A number is not something a run can report. */
function checkObservable(item: Expression, accept: ValidationAcceptor): void {
    if (isQuantity(item)) {
        accept('error', 'A constant cannot be observed; name a species, a rule, R.occupancy, M.level, E.rate or balance.',
            { node: item, data: { code: CODE_WRONG_KIND } });
    }
}
