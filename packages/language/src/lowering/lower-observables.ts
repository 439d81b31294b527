import type * as IR from '@neurocascade/simulator';
import { isBalanceRef, isRef, type Expression } from '../generated/ast.js';
import type { LoweringContext } from './lowering-context.js';

/** The units of everything a scenario may observe, by the name it is reported under. */
export class Observables {
    private readonly units = new Map<string, string>();

    constructor(
        private readonly species: readonly IR.Species[], modulators: readonly IR.Modulator[], rules: readonly IR.AssignmentRule[],
        parameters: readonly IR.Parameter[], processes: readonly IR.Process[]
    ) {
        for (const item of [...species, ...rules, ...parameters]) this.units.set(item.name, item.unit);
        for (const modulator of modulators) this.units.set(`${modulator.name}.level`, modulator.unit);
        // A flux is in its first species' concentration per minute of the process's compartment.
        for (const process of processes) {
            const first = species.find(s => s.name === (process.reactants[0] ?? process.products[0])?.species);
            this.units.set(`${process.name}.rate`, first?.unit === '1' ? '1' : `${first?.unit ?? 'uM'}/min`);
        }
    }

    unitOf(name: string): string {
        return this.units.get(name) ?? '1';
    }

    /** `observe` left out: every species. */
    defaults(): IR.Observable[] {
        return this.species.map(species => ({ name: species.name, expression: { kind: 'name', name: species.name }, unit: species.unit }));
    }
}

/** A reported quantity, named as the series it becomes: `Serotonin`, `HT1A.occupancy`, `TPH2.rate`, `balance`, or the written text. */
export function lowerObservable(item: Expression, observables: Observables, context: LoweringContext): IR.Observable {
    const expression = context.expression(item);
    if (isBalanceRef(item)) return { name: 'balance', expression, unit: '1' };
    if (isRef(item)) {
        const name = item.member ? `${item.target.$refText}.${item.member}` : item.target.$refText;
        return { name, expression, unit: item.member === 'occupancy' || item.member === 'activation' ? '1' : observables.unitOf(name) };
    }
    return { name: item.$cstNode?.text ?? 'expression', expression, unit: context.unitOf(item) };
}

/**
 * Display units follow the author: a species without a unit on its `initial` takes the one of
 * its first expect; every observable, quantity a cascade or scan measures and expect of a species
 * without a unit of its own takes the species'.
 */
export function assignDisplayUnits(model: IR.ModelIR): void {
    const expects = model.scenarios.flatMap(scenario => scenario.expects);
    const species = new Map(model.species.map(s => [s.name, s]));
    for (const s of model.species) s.display ??= expects.find(e => e.label === s.name && e.display)?.display;
    const ofSpecies = (expression: IR.Expr) => expression.kind === 'name' ? species.get(expression.name)?.display : undefined;
    const observed = [model.scenarios.flatMap(s => s.observe), model.cascades.flatMap(c => c.measure), (model.scans ?? []).flatMap(s => s.measure)];
    for (const observable of observed.flat()) observable.display ??= ofSpecies(observable.expression);
    // An expect of one reading of a species shows that species' unit; a relative change is a percentage.
    for (const expect of expects) {
        if (!expect.relativeTo && expect.readings.length === 1 && expect.value.kind === 'name') expect.display ??= ofSpecies(expect.readings[0].expression);
    }
}
