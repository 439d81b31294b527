import type { ValidationAcceptor, ValidationChecks } from 'langium';
import { isCascadeFrom, isMeasure, isQuantity, isUnaryExpr, isVary, type CascadeAstType, type Expression, type Scan, type Vary } from '../generated/ast.js';
import { CODE_MISSING_KINETICS, CODE_RANGE } from './diagnostic-codes.js';

/** range and missing-kinetics for scans: one or two `vary` lines, whole step counts ≥ 2, positive bounds for `log` (docs/reference.md#scans). */
export function scanChecks(): ValidationChecks<CascadeAstType> {
    return { Scan: checkScan, Vary: checkVary };
}

function checkScan(scan: Scan, accept: ValidationAcceptor): void {
    const lines = scan.items.filter(isVary).length;
    if (lines < 1 || lines > 2) {
        accept('error', `A scan varies one property (a dose–response) or two (a grid), not ${lines}.`, { node: scan, property: 'name', data: { code: CODE_RANGE } });
    }
    if (!scan.items.some(isCascadeFrom)) accept('error', `Scan ${scan.name} needs 'from Scenario'.`, { node: scan, property: 'name', data: { code: CODE_MISSING_KINETICS } });
    if (!scan.items.some(isMeasure)) accept('error', `Scan ${scan.name} needs 'measure …'.`, { node: scan, property: 'name', data: { code: CODE_MISSING_KINETICS } });
}

/** A written number (a quantity, or a negated one), whatever its unit. */
function writtenNumber(e: Expression): number | undefined {
    if (isQuantity(e)) return e.value;
    if (isUnaryExpr(e) && isQuantity(e.operand) && e.op === '-') return -e.operand.value;
    return undefined;
}

function checkVary(vary: Vary, accept: ValidationAcceptor): void {
    const steps = writtenNumber(vary.steps);
    if (steps !== undefined && !(Number.isInteger(steps) && steps >= 2)) {
        accept('error', `A scan needs a whole number of at least 2 steps, not ${steps}.`, { node: vary, property: 'steps', data: { code: CODE_RANGE } });
    }
    if (!vary.log) return;
    for (const bound of ['low', 'high'] as const) {
        const v = writtenNumber(vary[bound]);
        if (v !== undefined && v <= 0) {
            accept('error', `A log scan needs values above 0, not ${v}.`, { node: vary, property: bound, data: { code: CODE_RANGE } });
        }
    }
}
