import { evaluateConstant, resolveScenario, type Action, type Expr, type Fit, type ModelIR, type PropertyRef } from '@neurocascade/simulator';
import { exportSbmlWithIds, SbmlExportError, type SbmlExportWithIds } from './export-sbml.js';
import { petabFileNames, type PetabCondition, type PetabObservable, type PetabParameter, type PetabProblem } from './petab-problem.js';

/**
 * A fit as a PEtab v1 problem (docs/analysis.md#petab): the model as SBML, each observed quantity an
 * observable, each data point a measurement (`steady` → `inf`), each scenario a condition, each
 * estimate a parameter (`log` → `log10`). Values are in the SBML model's units (µM, minutes), the
 * model IR's base units. Anything PEtab v1 cannot state is an SbmlExportError naming it.
 */
export function exportPetab(model: ModelIR, fitName: string): PetabProblem {
    const fit = model.fits?.find(f => f.name === fitName);
    if (!fit) throw new SbmlExportError(`the model has no fit named '${fitName}'${model.fits?.length ? ` (it has ${model.fits.map(f => f.name).join(', ')})` : ''}`);
    if (fit.includeExpects !== 'none') throw new SbmlExportError(`fit '${fit.name}': 'include expects' (expects as soft constraints) has no PEtab counterpart`);
    const points = fit.data.flatMap(name => (model.datasets ?? []).find(d => d.name === name)?.measurements.map(m => ({ ...m, dataset: name })) ?? []);
    const quantities = [...new Map(points.map(p => [p.quantity, p.expression])).entries()];
    const scenarios = [...new Set(points.map(p => p.scenario))];
    // A process whose activity a condition changes gets an activity parameter: conditions set it, and the rate constants stay free to estimate.
    const activities = new Set(scenarios.flatMap(name => {
        const scenario = model.scenarios.find(s => s.name === name);
        return scenario ? resolveScenario(model, scenario).actions.flatMap(a => a.kind === 'inhibit' || ('property' in a && a.property === 'activity') ? [a.target] : []) : [];
    }).filter(target => model.processes.some(p => p.name === target)));
    const sbml = exportSbmlWithIds(model, quantities.map(([, expression]) => expression), activities);
    const lognormal = fit.residuals === 'lognormal';
    const observableIds = new Map<string, string>();
    const observables: PetabObservable[] = quantities.map(([quantity], i) => {
        let id = `obs_${quantity.replace(/\./g, '_')}`;
        while ([...observableIds.values()].includes(id)) id += '_';
        observableIds.set(quantity, id);
        // PEtab's `log`: residual (ln y − ln ŷ)/σ, which is the fit's lognormal residual with σ = sd/y.
        return { id, name: quantity, formula: sbml.observedIds[i], transformation: lognormal ? 'log' : 'lin', noiseFormula: `noiseParameter1_${id}`, noiseDistribution: 'normal' };
    });
    const parameters = fit.estimates.map(e => estimatedParameter(sbml, model, e));
    const estimated = new Set(parameters.map(p => p.id));
    return {
        sbml: sbml.xml,
        sbmlFile: petabFileNames(fit.name).sbml,
        observables,
        parameters,
        conditions: everyColumn(scenarios.map(name => condition(model, sbml, name, estimated)), sbml),
        measurements: points.map(p => ({
            observableId: observableIds.get(p.quantity)!,
            simulationConditionId: p.scenario,
            measurement: p.value,
            time: p.time === 'steady' ? Infinity : p.time,
            noiseParameters: [String(lognormal ? p.sd / p.value : p.sd)],
            datasetId: p.dataset
        }))
    };
}

function estimatedParameter(sbml: SbmlExportWithIds, model: ModelIR, estimate: Fit['estimates'][number]): PetabParameter {
    const [id, ...more] = sbmlIds(sbml, model, estimate);
    const what = describe(estimate);
    if (id === undefined) throw new SbmlExportError(`estimate ${what}: the SBML export has no parameter for it`);
    if (more.length > 0) throw new SbmlExportError(`estimate ${what} moves ${more.length + 1} constants (${[id, ...more].join(', ')}); PEtab estimates one: name which`);
    if (model.species.some(s => s.name === id) || model.compartments.some(c => c.name === id)) {
        throw new SbmlExportError(`estimate ${what}: PEtab estimates parameters only; estimate a parameter that the initial value or volume is set from`);
    }
    const nominalValue = sbml.valueOf(id);
    if (nominalValue === undefined) throw new SbmlExportError(`estimate ${what}: its value is computed (an initial assignment), not a number PEtab can start from`);
    return { id, name: what, scale: estimate.log ? 'log10' : 'lin', lowerBound: estimate.low, upperBound: estimate.high, nominalValue, estimate: true };
}

function describe(ref: PropertyRef): string {
    return [ref.target, ref.property === 'value' ? '' : ref.property, ref.substrate].filter(Boolean).join(' ');
}

/**
 * The SBML ids a property reference reaches, addressed as the simulator does: `km` without a
 * substrate the first substrate's, any other keyed property without a key all of them.
 */
function sbmlIds(sbml: SbmlExportWithIds, model: ModelIR, ref: PropertyRef): string[] {
    if (['value', 'initial', 'volume', ''].includes(ref.property)) return [ref.target];
    const direct = sbml.propertyId(ref.target, ref.property, ref.substrate);
    if (direct !== undefined) return [direct];
    if (ref.substrate !== undefined) return [];
    const keys = propertyKeys(model, ref.target, ref.property);
    const ids = (ref.property === 'km' ? keys.slice(0, 1) : keys).map(key => sbml.propertyId(ref.target, ref.property, key));
    return ids.filter((id): id is string => id !== undefined);
}

/** The keys (substrates, inhibitors, antagonists) a declaration's keyed property has, in the exporter's order. */
function propertyKeys(model: ModelIR, target: string, property: string): string[] {
    const process = model.processes.find(p => p.name === target);
    const receptor = model.receptors.find(r => r.name === target);
    if (receptor) return property === 'ki' ? receptor.antagonists.map(a => a.antagonist) : [];
    const law = process?.law;
    if (!law) return [];
    if (property === 'km' && law.type === 'saturable') return [...law.substrates, ...law.cofactors].map(s => s.species);
    if (law.type === 'carrier' && (property === 'km' || property === 'vmax')) return law.routes.map(r => r.reactants[0].species);
    if (property === 'ki' && 'inhibitors' in law) {
        return [...law.inhibitors.map(i => i.inhibitor), ...(law.type === 'saturable' && law.substrateInhibitionKi ? ['substrate_inhibition'] : [])];
    }
    return [];
}

/** Each condition with a value in every column: the model's own where it changes nothing (PEtab v1 reads an empty parameter cell as missing). */
function everyColumn(conditions: PetabCondition[], sbml: SbmlExportWithIds): PetabCondition[] {
    const columns = [...new Set(conditions.flatMap(c => [...c.values.keys()]))];
    return conditions.map(c => ({ ...c, values: new Map(columns.map(id => [id, c.values.get(id) ?? String(sbml.valueOf(id))])) }));
}

/** A scenario as a condition: what its actions at t = 0 set, as numbers in the SBML's units. */
function condition(model: ModelIR, sbml: SbmlExportWithIds, name: string, estimated: ReadonlySet<string>): PetabCondition {
    const scenario = model.scenarios.find(s => s.name === name);
    if (!scenario) throw new SbmlExportError(`the data name scenario '${name}', which the model does not have`);
    const resolved = resolveScenario(model, scenario);
    if (resolved.events.length > model.events.length || (resolved.schedules?.length ?? 0) > 0) {
        throw new SbmlExportError(`scenario '${name}': timed and conditional events of a scenario have no PEtab v1 counterpart`);
    }
    const values = new Map<string, number>();
    const fail = (action: Action, why: string) => new SbmlExportError(`scenario '${name}': '${action.kind} ${'target' in action ? action.target : action.species}': ${why}`);
    const change = (action: Action, ref: PropertyRef, next: (current: number) => number) => {
        const ids = sbmlIds(sbml, model, ref);
        if (ids.length === 0) throw fail(action, 'the SBML export has no parameter for it');
        for (const id of ids) {
            if (estimated.has(id)) throw fail(action, `it changes '${id}', which the fit estimates; PEtab conditions may not override an estimated parameter`);
            const current = values.get(id) ?? sbml.valueOf(id);
            if (current === undefined) throw fail(action, `'${id}' is computed (an initial assignment), not a number the condition can change`);
            values.set(id, next(current));
        }
    };
    const constant = (action: Action, expr: Expr) => {
        const value = evaluateConstant(expr);
        if (value === undefined) throw fail(action, 'its value is not a constant');
        return value;
    };
    for (const action of resolved.actions) {
        switch (action.kind) {
            case 'set': change(action, action, () => constant(action, action.value)); break;
            case 'scale': change(action, action, current => current * constant(action, action.factor)); break;
            case 'inhibit': {
                const remaining = 1 - constant(action, action.fraction);
                change(action, { target: action.target, property: 'activity' }, current => current * remaining);
                break;
            }
            default: throw fail(action, 'a dose or infusion at t = 0 has no PEtab v1 counterpart');
        }
    }
    return { id: name, name: scenario.title, values: new Map([...values].map(([id, value]) => [id, String(value)])) };
}
