import { NON_NEGATIVE_PROPERTIES, POSITIVE_PROPERTIES } from '@neurocascade/simulator';
import type { ValidationAcceptor, ValidationChecks } from 'langium';
import { isQuantity, isReaction, isSpecies, type CascadeAstType, type Expression } from '../generated/ast.js';
import { constantValue } from './constant-folding.js';
import { CODE_RANGE } from './diagnostic-codes.js';
import type { ModelAnalyses } from './model-analysis.js';
import { fitsSlot } from './units-checks.js';


/**
 * range: values outside their meaningful range, checked when they are constant (folded in
 * base units); a constant that folds to NaN or ±∞ (a division by zero) is out of every range.
 */
export function rangeChecks(analyses: ModelAnalyses): ValidationChecks<CascadeAstType> {
    // A value of the wrong dimension gets unit-dimension; its number means nothing here.
    const checkProperty = (property: string, value: Expression | undefined, accept: ValidationAcceptor, positive = POSITIVE_PROPERTIES.has(property)) => {
        if (reportNonFinite(value, property, accept)) return;
        if (positive) checkBounds(value, Number.MIN_VALUE, Infinity, property, `${property} must be greater than 0`, accept);
        else if (NON_NEGATIVE_PROPERTIES.has(property)) {
            const why = property === 'concentration' || property === 'initial' ? 'a concentration cannot be negative' : undefined;
            checkBounds(value, 0, Infinity, property, why, accept);
        }
    };
    const checkBounds = (value: Expression | undefined, low: number, high: number, what: string, why: string | undefined, accept: ValidationAcceptor) => {
        if (reportNonFinite(value, what, accept)) return;
        if (value && outOfBounds(value, low, high) && fitsSlot(value, analyses)) {
            const reason = why ?? (high === Infinity ? `${what} cannot be negative` : `${what} must be between ${low} and ${high}`);
            accept('error', `${reason}.`, { node: value, data: { code: CODE_RANGE } });
        }
    };
    return {
        // A reaction's rate is a flux law, and may be negative (a reversible reaction).
        PropertyValue: (p, accept) => {
            if (!(p.key === 'rate' && isReaction(p.$container))) checkProperty(p.key, p.value, accept);
            else reportNonFinite(p.value, p.key, accept);
        },
        DoseAction: (dose, accept) => { reportNonFinite(dose.amount, 'the dose', accept); },
        Perturb: (perturb, accept) => { reportNonFinite(perturb.change, 'the perturbation', accept); },
        CascadeAt: (at, accept) => { reportNonFinite(at.time, 'the measuring time', accept); },
        KmValue: (km, accept) => checkProperty('km', km.value, accept),
        Requires: (req, accept) => checkProperty('km', req.km, accept),
        InhibitedBy: (inh, accept) => checkProperty('ki', inh.ki, accept),
        BlockedBy: (blk, accept) => checkProperty('ki', blk.ki, accept),
        SubstrateInhibition: (si, accept) => checkProperty('ki', si.ki, accept),
        SetAction: (set, accept) => {
            const property = set.property ?? (isSpecies(set.target?.ref) ? 'concentration' : undefined);
            if (property) checkProperty(property, set.value, accept);
        },
        EffectClause: (effect, accept) => {
            checkBounds(effect.max, 0, effect.direction === 'decreases' ? 1 : Infinity, 'max',
                effect.direction === 'decreases' ? 'a decrease cannot exceed 100 %' : undefined, accept);
            checkProperty('ec50', effect.ec50, accept, true);
            checkProperty('hill', effect.hill, accept);
        },
        InhibitAction: (inhibit, accept) => {
            // `inhibit E 90` means a fraction of 90: the author meant a percentage.
            const amount = inhibit.amount;
            if (isQuantity(amount) && !amount.unit && amount.value > 1 && amount.value <= 100) {
                const suggestion = `${amount.value}%`;
                accept('error', `Inhibition is between 0 % and 100 %; did you mean '${suggestion}'?`, { node: amount, data: { code: CODE_RANGE, suggestion } });
            } else checkBounds(amount, 0, 1, 'inhibit', 'inhibition is between 0 % and 100 %', accept);
        },
        ScaleAction: (scale, accept) => checkBounds(scale.amount, 0, Infinity, 'scale', undefined, accept),
        Simulate: (simulate, accept) => {
            checkProperty('duration', simulate.duration, accept, true);
            checkProperty('step', simulate.step, accept, true);
        },
        TimedAction: (timed, accept) => checkBounds(timed.time, 0, Infinity, 'at', 'events happen at t ≥ 0', accept),
        TimedValue: (reading, accept) => { reportNonFinite(reading.time, 'the time', accept); },
        Expect: (expect, accept) => {
            if (reportNonFinite(expect.low, 'the lower bound', accept) || reportNonFinite(expect.high, 'the upper bound', accept)) return;
            const low = constantValue(expect.low);
            const high = constantValue(expect.high);
            if (low !== undefined && high !== undefined && low > high) {
                accept('error', 'The lower bound is above the upper bound.', { node: expect, property: 'low', data: { code: CODE_RANGE } });
            }
        }
    };
}

/** Reports a constant that folds to NaN or ±∞; true when it did. */
function reportNonFinite(value: Expression | undefined, what: string, accept: ValidationAcceptor): boolean {
    const v = constantValue(value);
    if (v === undefined || Number.isFinite(v)) return false;
    const result = Number.isNaN(v) ? 'is not a number (NaN)' : `is ${v > 0 ? '+' : '−'}∞`;
    accept('error', `${what} ${result}: a division by zero or an overflow in a constant.`, { node: value!, data: { code: CODE_RANGE } });
    return true;
}

/** A constant `value` outside [low, high] (a little slack above for rounding: 100 % is 1.0000000000000002). */
function outOfBounds(value: Expression, low: number, high: number): boolean {
    const v = constantValue(value);
    return v !== undefined && Number.isFinite(v) && (v < low || v > high * (1 + 1e-12));
}
