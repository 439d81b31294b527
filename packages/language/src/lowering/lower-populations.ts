import type * as IR from '@neurocascade/simulator';
import { isCascadeAt, isCascadeFrom, isMeasure, isPopulationSeed, isPopulationSize, isPopulationVary, type Distribution, type Population, type PopulationVary } from '../generated/ast.js';
import type { LoweringContext } from './lowering-context.js';
import { constantOf, propertyValue } from './lower-scenarios.js';
import { lowerObservable, type Observables } from './lower-observables.js';
import { isPercentage } from '../units/written-values.js';

/** docs/reference.md#populations: values in base units; a percentage spread is a fraction of the base value. */
export function lowerPopulation(node: Population, observables: Observables, context: LoweringContext, file: string): IR.Population {
    const at = node.items.find(isCascadeAt);
    return {
        name: node.name,
        title: node.title,
        from: node.items.find(isCascadeFrom)?.scenario.$refText ?? '',
        vary: node.items.filter(isPopulationVary).map(vary => ({
            target: vary.target.$refText,
            property: vary.property ?? 'value',
            distribution: lowerDistribution(vary.distribution, vary, context),
            truncated: vary.truncated,
            source: context.sourceOf(vary, file)
        })),
        size: context.constant(node.items.find(isPopulationSize)?.size, Number.NaN),
        seed: context.constant(node.items.find(isPopulationSeed)?.seed, 0),
        measure: node.items.filter(isMeasure).flatMap(measure => measure.items.map(item => lowerObservable(item, observables, context))),
        ...(at && { at: at.steady ? 'steady' : context.constant(at.time, 0) }),
        source: context.sourceOf(node, file)
    };
}

function lowerDistribution(d: Distribution, vary: PopulationVary, context: LoweringContext): IR.PopulationDistribution {
    const absolute = (value: Distribution['spread']) => constantOf(propertyValue(vary.target.ref, vary.property ?? 'value', value!, context));
    switch (d.kind) {
        case 'lognormal': return { kind: 'lognormal', cv: context.constant(d.spread, Number.NaN) };
        case 'normal': return isPercentage(d.spread)
            ? { kind: 'normal', sd: context.constant(d.spread, Number.NaN), relative: true }
            : { kind: 'normal', sd: absolute(d.spread), relative: false };
        default: return { kind: 'uniform', from: absolute(d.low), to: absolute(d.high) };
    }
}
