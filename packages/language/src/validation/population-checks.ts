import { propertyRange } from '@neurocascade/simulator';
import type { ValidationAcceptor, ValidationChecks } from 'langium';
import {
    isCascadeAt, isCascadeFrom, isPopulationSeed, isPopulationSize, isPopulationVary, isSpecies,
    type CascadeAstType, type Distribution, type Population, type PopulationItem
} from '../generated/ast.js';
import { constantValue } from './constant-folding.js';
import { CODE_DUPLICATE, CODE_MISSING_KINETICS, CODE_RANGE } from './diagnostic-codes.js';

/** range, duplicate and missing-kinetics for populations (docs/reference.md#populations). */
export function populationChecks(): ValidationChecks<CascadeAstType> {
    return { Population: checkPopulation, Distribution: checkDistribution };
}

function checkPopulation(population: Population, accept: ValidationAcceptor): void {
    const missing = (what: string) => accept('error', `Population ${population.name} needs '${what}'.`, { node: population, property: 'name', data: { code: CODE_MISSING_KINETICS } });
    if (!population.items.some(isCascadeFrom)) missing('from Scenario');
    if (!population.items.some(isPopulationVary)) missing('vary …');
    if (!population.items.some(isPopulationSize)) missing('size N');
    for (const [guard, what] of [[isCascadeFrom, 'from'], [isPopulationSize, 'size'], [isPopulationSeed, 'seed'], [isCascadeAt, 'at']] as const) {
        (population.items as PopulationItem[]).filter(guard).slice(1).forEach(item =>
            accept('error', `Population ${population.name} has more than one '${what}'.`, { node: item, data: { code: CODE_DUPLICATE } }));
    }
    const varied = new Set<string>();
    for (const vary of population.items.filter(isPopulationVary)) {
        const key = `${vary.target.$refText} ${vary.property ?? 'value'}`;
        if (varied.has(key)) accept('error', `${key} is varied twice.`, { node: vary, property: 'target', data: { code: CODE_DUPLICATE } });
        varied.add(key);
    }
    const size = population.items.find(isPopulationSize)?.size;
    const members = size && constantValue(size);
    if (size && members !== undefined && !(Number.isInteger(members) && members >= 1)) {
        accept('error', `A population needs a whole number of at least 1 member, not ${members}.`, { node: size, data: { code: CODE_RANGE } });
    }
    const seed = population.items.find(isPopulationSeed)?.seed;
    const seedValue = seed && constantValue(seed);
    if (seed && seedValue !== undefined && !(Number.isInteger(seedValue) && seedValue >= 0 && seedValue < 2 ** 32)) {
        accept('error', `A seed is a whole number from 0 to 2^32 − 1, not ${seedValue}.`, { node: seed, data: { code: CODE_RANGE } });
    }
}

function checkDistribution(d: Distribution, accept: ValidationAcceptor): void {
    const range = (message: string, property: 'spread' | 'low' | 'high') => accept('error', message, { node: d, property, data: { code: CODE_RANGE } });
    if (d.kind === 'uniform') {
        const [low, high] = [d.low && constantValue(d.low), d.high && constantValue(d.high)];
        if (low !== undefined && high !== undefined && !(low < high)) range(`uniform needs from below to (${low} is not below ${high}).`, 'high');
        const vary = d.$container;
        const property = vary.property ?? (isSpecies(vary.target.ref) ? 'concentration' : 'value');
        const valid = propertyRange(property);
        if (!vary.truncated && low !== undefined && (valid === 'positive' ? low <= 0 : valid === 'non-negative' && low < 0)) {
            range(`${property} must be ${valid === 'positive' ? 'greater than 0' : 'at least 0'}: move 'from' or add 'truncated'.`, 'low');
        }
        return;
    }
    const spread = d.spread && constantValue(d.spread);
    if (spread !== undefined && !(spread > 0)) range(`The ${d.kind === 'lognormal' ? 'cv' : 'sd'} must be greater than 0, not ${spread}.`, 'spread');
    if (d.kind === 'lognormal' && d.$container.truncated) {
        accept('warning', "A lognormal value is always above 0: 'truncated' changes nothing.", { node: d.$container, property: 'truncated', data: { code: CODE_RANGE } });
    }
}
