import { AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import {
    isScenario, isSpecies, isTimedValue, type CascadeAstType, type DoseAction, type Expect, type Expression, type Infusion, type NamedElement,
    type Schedule
} from '../generated/ast.js';
import { MAX_SCHEDULED_DOSES } from '@neurocascade/simulator';
import type { DimensionInference } from '../units/dimension-inference.js';
import { propertyOf } from '../units/written-values.js';
import { AMOUNT, MASS, MASS_CONCENTRATION, sameDimension, TIME, type Dimension } from '../units/units.js';
import { constantValue } from './constant-folding.js';
import { CODE_RANGE, CODE_UNIT_DIMENSION } from './diagnostic-codes.js';
import { requireKind } from './kind-checks.js';
import type { ModelAnalyses } from './model-analysis.js';

/**
 * Doses, schedules, infusions and expects (docs/reference.md#actions, #expect): what a mass or amount can be added to, the
 * numbers a schedule and an infusion need, the time every reading of an expect is taken at.
 */
export function dosingChecks(analyses: ModelAnalyses): ValidationChecks<CascadeAstType> {
    const inference = (node: Expression) => {
        const analysis = analyses.of(node);
        return analysis.unitsChecked ? analysis.inference : undefined;
    };
    return {
        // Values the parser had to leave out (an unfinished edit) are syntax errors already.
        DoseAction: (dose, accept) => { if (dose.amount) checkAdded(dose, dose.amount, false, inference(dose.amount), accept); },
        Infusion: (infusion, accept) => {
            requireKind(infusion, 'target', infusion.target, isSpecies, 'a species', 'infuse', accept);
            if (!infusion.rate || !infusion.start || !infusion.end) return;
            checkAdded(infusion, infusion.rate, true, inference(infusion.rate), accept);
            checkInfusion(infusion, accept);
        },
        Schedule: checkSchedule,
        Expect: checkExpect,
        TimedValue: (reading, accept) => {
            const time = reading.time && constantValue(reading.time);
            // A non-finite time is reported by the range checks.
            if (reading.time && time !== undefined && Number.isFinite(time) && time < 0) {
                accept('error', 'A value is read at a time ≥ 0.', { node: reading.time, data: { code: CODE_RANGE } });
            }
        }
    };
}

/** A mass needs the species' molar mass (or a species in mass units); an amount, a species in amount units. */
function checkAdded(node: DoseAction | Infusion, value: Expression, perTime: boolean, inference: DimensionInference | undefined, accept: ValidationAcceptor): void {
    const species = node.target?.ref as NamedElement | undefined;
    if (!inference || !isSpecies(species)) return;
    const of = (d: Dimension) => perTime ? { ...d, time: d.time - TIME.time } : d;
    const written = inference.dimensionOf(value);
    if (!written) return;
    const inMass = sameDimension(inference.speciesDimension(species), MASS_CONCENTRATION);
    const molarMass = propertyOf(species.members, 'molar_mass') !== undefined;
    const verb = node.$type === 'DoseAction' ? 'dose' : 'infusion';
    if (sameDimension(written, of(MASS)) && !molarMass && !inMass) {
        accept('error', `${verb === 'dose' ? 'A' : 'An'} ${verb} by mass needs '${species.name}' to declare molar_mass (or give it as an amount or a concentration).`,
            { node: value, data: { code: CODE_UNIT_DIMENSION } });
    } else if (sameDimension(written, of(AMOUNT)) && inMass && !molarMass) {
        accept('error', `'${species.name}' is in mass units without molar_mass: give the ${verb} as a mass or a mass concentration.`,
            { node: value, data: { code: CODE_UNIT_DIMENSION } });
    }
}

function checkInfusion(infusion: Infusion & { rate: Expression; start: Expression; end: Expression }, accept: ValidationAcceptor): void {
    const rate = constantValue(infusion.rate);
    if (rate === undefined) {
        accept('error', 'An infusion rate must be a constant.', { node: infusion.rate, data: { code: CODE_RANGE } });
    } else if (!(rate >= 0) || !Number.isFinite(rate)) {
        accept('error', 'An infusion rate must be a finite number ≥ 0.', { node: infusion.rate, data: { code: CODE_RANGE } });
    }
    const start = constantValue(infusion.start), end = constantValue(infusion.end);
    if (start === undefined || !(start >= 0) || !Number.isFinite(start)) {
        accept('error', 'An infusion starts at a constant time ≥ 0.', { node: infusion.start, data: { code: CODE_RANGE } });
    } else if (end === undefined || !(end > start) || !Number.isFinite(end)) {
        accept('error', 'An infusion ends at a constant time after it starts.', { node: infusion.end, data: { code: CODE_RANGE } });
    }
}

function checkSchedule(schedule: Schedule, accept: ValidationAcceptor): void {
    if (!schedule.period) return;
    const period = constantValue(schedule.period);
    if (period === undefined || !(period > 0) || !Number.isFinite(period)) {
        accept('error', 'A schedule repeats every constant period greater than 0.', { node: schedule.period, data: { code: CODE_RANGE } });
        return;
    }
    const start = schedule.$container.$type === 'TimedAction' ? constantValue(schedule.$container.time) ?? 0 : 0;
    const count = schedule.count ? constantValue(schedule.count) : undefined;
    const until = schedule.until ? constantValue(schedule.until) : undefined;
    if (schedule.count && (count === undefined || !Number.isInteger(count) || count < 1 || count > MAX_SCHEDULED_DOSES)) {
        accept('error', `'times' is a whole number of doses from 1 to ${MAX_SCHEDULED_DOSES}.`, { node: schedule.count, data: { code: CODE_RANGE } });
    }
    if (schedule.until && (until === undefined || !(until >= start) || !Number.isFinite(until))) {
        accept('error', 'A schedule runs until a constant time at or after its first dose.', { node: schedule.until, data: { code: CODE_RANGE } });
    } else if (schedule.until && until !== undefined && (until - start) / period >= MAX_SCHEDULED_DOSES) {
        accept('error', `This schedule gives more than ${MAX_SCHEDULED_DOSES} doses; use a longer period.`, { node: schedule.until, data: { code: CODE_RANGE } });
    }
}

/** Every reading needs a time; a relative expect needs another scenario to compare with. */
function checkExpect(expect: Expect, accept: ValidationAcceptor): void {
    if (expect.subject && !AstUtils.streamAst(expect.subject).some(isTimedValue)) {
        accept('error', `'${expect.subject.$cstNode?.text ?? ''}' is read at no time: write 'at steady' or 'at T' after it.`,
            { node: expect, property: 'subject', data: { code: CODE_RANGE } });
    }
    requireKind(expect, 'reference', expect.reference, isScenario, 'a scenario', 'relative to', accept);
    if (expect.reference?.ref && expect.reference.ref === expect.$container) {
        accept('warning', 'An expect relative to its own scenario always measures 0 %.', { node: expect, property: 'reference', data: { code: CODE_RANGE } });
    }
}
