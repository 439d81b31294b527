import type { Call, Expression, FunctionParam, Member, Modulator, NamedElement, Species } from '../generated/ast.js';
import { fluxSpecies } from './expected-dimensions.js';
import type { AstNode } from 'langium';
import { isTimeCourse, resolveCall, valueArguments } from './calls.js';
import { halvable, integerLiteral, isBareNumber, propertyOf, unitOf } from './written-values.js';
import {
    AMOUNT_CONCENTRATION, DIMENSIONLESS, MASS_CONCENTRATION, TIME, VOLUME, isDimensionless, power,
    sameDimension, type Dimension
} from './units.js';

/** An inferred dimension; undefined when it cannot be known (an unknown unit, a loop, a wrong-kind name). */
export type Inferred = Dimension | undefined;

type Environment = ReadonlyMap<FunctionParam, Inferred>;
const NO_ENVIRONMENT: Environment = new Map();

/**
 * Infers the dimension of expressions (docs/reference.md#units, #expressions). Inference never reports: it is
 * lenient where a check would be (mismatched sides give `undefined`, so one mistake is reported
 * once, where it is made, by units-checks.ts). A unit-less number is dimensionless, except `0`,
 * which fits every dimension, and except as an operand of `+ - < > min max if` and the value
 * arguments of a time course: there it takes the dimension of the other side (and the checks
 * warn `unit-missing`). One instance caches results for one build of one document.
 */
export class DimensionInference {
    private readonly cache = new Map<AstNode, Inferred>();
    private readonly declared = new Map<AstNode, Inferred>();
    private readonly visiting = new Set<AstNode>();

    dimensionOf(expression: Expression | undefined): Inferred {
        return expression ? this.infer(expression, NO_ENVIRONMENT) : undefined;
    }

    /** A species is an amount concentration unless its initial value is a mass concentration. */
    speciesDimension(species: Species): Dimension {
        const initial = this.guarded(species, () => this.dimensionOf(propertyOf(species.members, 'initial')));
        return initial && sameDimension(initial, MASS_CONCENTRATION) ? MASS_CONCENTRATION : AMOUNT_CONCENTRATION;
    }

    /** The concentration dimensions a species may be written in: both when it declares `molar_mass`. */
    speciesConcentrations(species: Species): Dimension[] {
        const own = this.speciesDimension(species);
        if (!propertyOf(species.members, 'molar_mass')) return [own];
        return [own, sameDimension(own, AMOUNT_CONCENTRATION) ? MASS_CONCENTRATION : AMOUNT_CONCENTRATION];
    }

    levelDimension(modulator: Modulator): Inferred {
        return this.guarded(modulator, () => this.dimensionOf(propertyOf(modulator.members, 'level')));
    }

    /** A process's flux `E.rate`: its first species' concentration per time. */
    fluxDimension(members: Member[]): Dimension {
        const species = fluxSpecies(members);
        const concentration = species?.$type === 'Species' ? this.speciesDimension(species) : AMOUNT_CONCENTRATION;
        return { ...concentration, time: concentration.time - 1 };
    }

    /** The dimension a name stands for in an expression (undefined for names that have none). */
    nameDimension(target: NamedElement | undefined): Inferred {
        switch (target?.$type) {
            case 'Species': return this.speciesDimension(target);
            case 'Parameter': return this.guarded(target, () => this.dimensionOf(target.value));
            case 'Rule': return this.guarded(target, () => this.dimensionOf(target.expression));
            case 'Compartment': return VOLUME;
            default: return undefined;
        }
    }

    /** What an observed name reads: `X`, `E.rate`, `R.occupancy`, `M.level`. */
    observableDimension(target: NamedElement | undefined, member: string | undefined): Inferred {
        return this.refDimension(target, member, NO_ENVIRONMENT);
    }

    /** `expression` is undefined where the parser recovered from an error. */
    private infer(expression: Expression | undefined, env: Environment): Inferred {
        if (!expression) return undefined;
        if (env !== NO_ENVIRONMENT) return this.compute(expression, env);
        if (this.cache.has(expression)) return this.cache.get(expression);
        const result = this.compute(expression, env);
        this.cache.set(expression, result);
        return result;
    }

    /** Dispatches on `$type` (not the reflection guards): this runs for every expression of large models. */
    private compute(expression: Expression, env: Environment): Inferred {
        switch (expression.$type) {
            case 'Quantity': return quantityDimension(expression.value, expression.unit);
            case 'TimeRef': return TIME;
            case 'BalanceRef': case 'NotExpr': return DIMENSIONLESS;
            case 'UnaryExpr': return this.infer(expression.operand, env);
            case 'TimedValue': return this.infer(expression.value, env);
            case 'Ref': return this.refDimension(expression.target?.ref as NamedElement | undefined, expression.member, env);
            case 'Call': return this.callDimension(expression, env);
            case 'BinaryExpr': {
                const { left, right, op } = expression;
                switch (op) {
                    case '+': case '-': return this.common([left, right], env);
                    case '*': return productOf(this.infer(left, env), this.infer(right, env), 1);
                    case '/': return productOf(this.infer(left, env), this.infer(right, env), -1);
                    case '^': return this.powerDimension(left, right, env);
                    default: return DIMENSIONLESS; // comparisons and logic give truth values
                }
            }
        }
    }

    /** The one dimension operands must share: bare numbers adopt the others'; a conflict is unknown. */
    common(operands: Expression[], env: Environment = NO_ENVIRONMENT): Inferred {
        const dimensioned = operands.filter(operand => !isBareNumber(operand));
        const candidates = (dimensioned.length > 0 ? dimensioned : operands).map(operand => this.infer(operand, env));
        const known = candidates.filter((d): d is Dimension => d !== undefined);
        if (known.length === 0) return undefined;
        return known.every(d => sameDimension(d, known[0])) ? known[0] : undefined;
    }

    private powerDimension(base: Expression, exponent: Expression, env: Environment): Inferred {
        const b = this.infer(base, env);
        if (b === undefined || isDimensionless(b)) return b;
        const n = integerLiteral(exponent);
        return n === undefined ? undefined : power({ scale: 1, dimension: b }, n).dimension;
    }

    private refDimension(target: NamedElement | undefined, member: string | undefined, env: Environment): Inferred {
        if (member === 'occupancy' || member === 'activation') return DIMENSIONLESS;
        if (member === 'level') return target?.$type === 'Modulator' ? this.levelDimension(target) : undefined;
        if (member === 'rate') return target && 'members' in target ? this.fluxDimension(target.members) : undefined;
        if (target?.$type === 'FunctionParam') return env.get(target);
        return this.nameDimension(target);
    }

    private callDimension(call: Call, env: Environment): Inferred {
        const callee = resolveCall(call);
        const args = call.args.map(arg => arg.value);
        if (callee.kind === 'user') {
            const inner = new Map(callee.decl.params.map((param, i) => [param, args[i] ? this.infer(args[i], env) : undefined]));
            return this.guarded(callee.decl, () => this.infer(callee.decl.body, inner), false);
        }
        if (callee.kind !== 'builtin') return undefined;
        const name = callee.name;
        if (isTimeCourse(name)) {
            return this.common(valueArguments(call, name).map(arg => arg.value), env);
        }
        switch (name) {
            case 'abs': case 'floor': case 'ceil': return args[0] && this.infer(args[0], env);
            case 'min': case 'max': return this.common(args, env);
            case 'if': return this.common(args.slice(1), env);
            case 'sqrt': {
                const d = args[0] && this.infer(args[0], env);
                return d && halvable(d) ? power({ scale: 1, dimension: d }, 0.5).dimension : undefined;
            }
            default: return DIMENSIONLESS; // exp ln log10 sin cos asin acos atan hill mm
        }
    }

    /**
     * The dimension of a declaration, computed once, or undefined while it is being computed (a loop,
     * reported as algebraic-loop). `remember` is false for function bodies, whose dimension depends on the call.
     */
    private guarded(node: AstNode, compute: () => Inferred, remember = true): Inferred {
        if (this.declared.has(node)) return this.declared.get(node);
        if (this.visiting.has(node)) return undefined;
        this.visiting.add(node);
        try {
            const result = compute();
            if (remember) this.declared.set(node, result);
            return result;
        } finally {
            this.visiting.delete(node);
        }
    }
}

function quantityDimension(value: number, unit: string | undefined): Inferred {
    if (!unit) return value === 0 ? undefined : DIMENSIONLESS;
    return unitOf(unit)?.dimension;
}

function productOf(a: Inferred, b: Inferred, sign: 1 | -1): Inferred {
    if (!a || !b) return undefined;
    return {
        amount: a.amount + sign * b.amount, mass: a.mass + sign * b.mass,
        volume: a.volume + sign * b.volume, time: a.time + sign * b.time
    };
}
