import type { ValidationAcceptor, ValidationChecks } from 'langium';
import {
    isEstimate, isFitData, isIncludeExpects, isKmValue, isParameter, isResidualModel, isSpecies, type CascadeAstType, type Estimate, type Expression,
    type Fit, type KmValue, type Member, type NamedElement
} from '../generated/ast.js';
import { propertyDimension } from '../units/expected-dimensions.js';
import { sameDimension } from '../units/units.js';
import { propertyOf } from '../units/written-values.js';
import { constantValue } from './constant-folding.js';
import { CODE_FIT_INCOMPLETE, CODE_RANGE, CODE_WRONG_KIND } from './diagnostic-codes.js';
import type { ModelAnalyses } from './model-analysis.js';

/** fit-incomplete, range and wrong-kind for fits (docs/reference.md#fit): data and estimates present, bounds ordered, log bounds above 0, the model's value inside. */
export function fitChecks(analyses: ModelAnalyses): ValidationChecks<CascadeAstType> {
    return {
        Fit: checkFit,
        Estimate: (estimate, accept) => {
            // A species' concentration is the state the data measure, not a constant of the model: its `initial` is.
            if (isSpecies(estimate.target?.ref) && !estimate.property) {
                accept('error', `'${estimate.target.$refText}' is a species: its concentration is computed, not estimated; estimate its 'initial' or 'supply'.`,
                    { node: estimate, property: 'target', data: { code: CODE_WRONG_KIND } });
            }
            checkBounds(estimate, analyses, accept);
        }
    };
}

function checkFit(fit: Fit, accept: ValidationAcceptor): void {
    if (!fit.items.some(isFitData)) accept('error', `Fit ${fit.name} needs 'data D'.`, { node: fit, property: 'name', data: { code: CODE_FIT_INCOMPLETE } });
    const estimates = fit.items.filter(isEstimate);
    if (estimates.length === 0) accept('error', `Fit ${fit.name} needs at least one 'estimate X property in [low, high]'.`, { node: fit, property: 'name', data: { code: CODE_FIT_INCOMPLETE } });
    const seen = new Set<string>();
    for (const estimate of estimates) {
        const key = `${estimate.target.$refText} ${estimate.property ?? ''}`;
        if (seen.has(key)) accept('error', `${key.trim()} is estimated twice.`, { node: estimate, data: { code: CODE_FIT_INCOMPLETE } });
        seen.add(key);
    }
    const included = fit.items.filter(isIncludeExpects);
    if (included.length > 1) {
        accept('error', `'include … expects' is written twice; keep one ('include expects' takes all, 'include relative expects' the relative ones).`, { node: included[1], data: { code: CODE_FIT_INCOMPLETE } });
    }
    if (fit.items.filter(isResidualModel).length > 1) {
        accept('error', `'lognormal' is written twice.`, { node: fit.items.filter(isResidualModel)[1], data: { code: CODE_FIT_INCOMPLETE } });
    }
}

function checkBounds(estimate: Estimate, analyses: ModelAnalyses, accept: ValidationAcceptor): void {
    const low = constantValue(estimate.low), high = constantValue(estimate.high);
    for (const [bound, value] of [['low', low], ['high', high]] as const) {
        if (value === undefined && estimate[bound]) accept('error', 'A bound must be a constant.', { node: estimate, property: bound, data: { code: CODE_RANGE } });
    }
    if (low === undefined || high === undefined) return;
    if (!(low < high)) {
        accept('error', `The lower bound must be below the upper one (${estimate.low.$cstNode?.text} ≥ ${estimate.high.$cstNode?.text}).`, { node: estimate, property: 'low', data: { code: CODE_RANGE } });
        return;
    }
    if (estimate.log && !(low > 0)) {
        accept('error', `A log-scaled estimate needs bounds above 0, not ${estimate.low.$cstNode?.text}.`, { node: estimate, property: 'low', data: { code: CODE_RANGE } });
    }
    // The model's own value is the first start: it must lie within the bounds (compared in one dimension, without molar-mass conversions).
    const target = estimate.target.ref as NamedElement | undefined;
    const written = target && writtenValue(target, estimate.property);
    const analysis = analyses.of(estimate);
    const inference = analysis.inference;
    const expected = propertyDimension(target, estimate.property, inference);
    const comparable = !analysis.unitsChecked || (expected !== undefined && [written, estimate.low].every(e => {
        const d = inference.dimensionOf(e);
        return d !== undefined && sameDimension(d, expected[0]);
    }));
    const value = written && comparable ? constantValue(written) : undefined;
    if (value !== undefined && !(value >= low && value <= high)) {
        accept('error', `The model's value, ${written!.$cstNode?.text}, lies outside [${estimate.low.$cstNode?.text}, ${estimate.high.$cstNode?.text}]; the fit starts from it.`,
            { node: estimate, property: 'target', data: { code: CODE_RANGE } });
    }
}

/** The expression a property of a declaration is written as (`vmax 2 uM/min`, a parameter's value); undefined when not written. */
function writtenValue(target: NamedElement, property: string | undefined): Expression | undefined {
    if (isParameter(target)) return property === undefined ? target.value : undefined;
    const members = (target as { members?: Member[] }).members ?? [];
    if (property === 'km') return members.find((member): member is KmValue => isKmValue(member) && !member.substrate)?.value;
    return property === undefined ? undefined : propertyOf(members, property);
}
