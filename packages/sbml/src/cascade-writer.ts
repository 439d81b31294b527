import type { Expr } from '@neurocascade/simulator';
import { binary, name, namesIn, num } from './expression-building.js';
import { printExpression as print } from './expression-printer.js';
import { readCondition, readMath } from './mathml-reader.js';
import { ratePerCompartment } from './reaction-rate.js';
import { SbmlImportError } from './sbml-error.js';
import type { SbmlMapping } from './sbml-mapping.js';
import type { SbmlModel, SbmlReaction, SbmlSpecies, SbmlSpeciesReference } from './sbml-model.js';
import { SbmlSymbols } from './sbml-symbols.js';
import { writeEvent } from './event-writer.js';
import { commentLine } from './comment-line.js';
import { dependencyOrder } from './assignment-order.js';

/** Writes an SBML model as a Cascade file; see README "SBML import" for the correspondences. */
export function writeCascade(model: SbmlModel, origin: string): { text: string; mapping: SbmlMapping } {
    const symbols = new SbmlSymbols(model);
    const math = (element: Parameters<typeof readMath>[0]) => readMath(element, symbols.context());
    const modelName = symbols.names.allocate(model.id ?? 'Imported', { why: 'the model name' });
    const laws = new Map(model.reactions.map(r => [r.id, kineticLaw(r)]));
    const rules = new Map<string, Expr>();
    for (const [variable, rule] of model.assignmentRules) rules.set(mutable(variable, rule.element, 'assignment rule').name, math(rule.math));
    // Math first: reading it finds the reactions whose flux is read (they get a rule and a rate that uses it).
    const ruleLines = [...rules].map(([target, value]) => `rule ${target} = ${print(value)}`);
    const rateRuleLines = [...model.rateRules].map(([variable, rule]) => {
        const entry = mutable(variable, rule.element, 'rate rule');
        return `rate of ${entry.name} = ${print(perVolume(variable, math(rule.math)))}`;
    });
    const initialLines = dependencyOrder([...model.initialAssignments].map(([symbol, assignment]) => {
        const value = perVolume(symbol, math(assignment.math));
        return { target: symbols.entry(symbol, assignment.element).name, value, reads: readsThroughRules(value, rules) };
    })).map(a => `initial ${a.target} = ${print(a.value)}`);
    const eventLines = model.events.flatMap(event => {
        const assignments = event.assignments.map(a => {
            const entry = mutable(a.variable, a.element, 'event assignment');
            const value = perVolume(a.variable, math(a.math));
            return { target: entry.name, value, reads: readsThroughRules(value, rules) };
        });
        const condition = event.trigger && readCondition(event.trigger, symbols.context());
        return writeEvent(event, condition, assignments, symbols.names);
    });
    const functionLines = [...symbols.translatedFunctions(), ...symbols.helpers.values()]
        .map(f => `function ${f.name}(${f.parameters.join(', ')}) = ${print(f.body)}`);
    const compartmentLines = model.compartments.map(c => declaration(`compartment ${symbols.entry(c.id, c.element).name}`, c.name,
        c.size === undefined ? [] : [`volume ${print(num(c.size))}`]));
    const speciesLines = model.species.filter(s => !model.assignmentRules.has(s.id)).map(writeSpecies);
    const parameterLines = model.parameters.filter(p => !model.assignmentRules.has(p.id))
        .map(p => `parameter ${symbols.entry(p.id, p.element).name}${title(p.name, p.id)} = ${print(num(p.value ?? 0))}`);
    const reactionLines = model.reactions.map(writeReaction);
    const fluxLines = [...symbols.fluxesRead].map(([reaction, flux]) => `rule ${flux} = ${print(laws.get(reaction)!)}`);
    const notes = [
        ...symbols.names.renamed.map(r => commentLine(`  ${r.sbml} -> ${r.cascade} (${r.why})`)),
        ...model.ignored.map(i => commentLine(`  ignored ${i.element.path}: ${i.why}`)),
        ...model.constraints.map(c => commentLine(`  constraint not checked during simulation: ${c.path}`))
    ];
    const header = [
        commentLine(`Imported from SBML Level ${model.level} Version ${model.version}${origin ? ` (${origin})` : ''}.`),
        ...(notes.length > 0 ? ['// Notes:', ...notes] : []),
        `model ${modelName}${title(model.name, model.id)} units unchecked`
    ];
    const sections = [header, functionLines, compartmentLines, speciesLines, parameterLines, reactionLines, fluxLines,
        ruleLines, rateRuleLines, initialLines, eventLines].filter(lines => lines.length > 0);
    return {
        text: sections.map(s => s.join('\n')).join('\n\n') + '\n',
        mapping: { modelName, entries: [...symbols.entries.values()] }
    };

    function writeSpecies(s: SbmlSpecies): string {
        const entry = symbols.entry(s.id, s.element);
        const members: string[] = [];
        const initial = initialConcentration(s);
        if (initial !== undefined) members.push(`initial ${print(initial)}`);
        if (s.boundaryCondition || s.constant) members.push('fixed');
        return declaration(`intermediate ${entry.name}`, s.name, members, ` in ${entry.compartment}`);
    }

    /** The concentration at t = 0 when the species states it (an initial assignment overrides it). */
    function initialConcentration(s: SbmlSpecies): Expr | undefined {
        if (model.initialAssignments.has(s.id)) return undefined;
        if (s.initialConcentration !== undefined) return num(s.initialConcentration);
        if (s.initialAmount === undefined) return undefined;
        const compartment = model.compartments.find(c => c.id === s.compartment);
        if (compartment?.size !== undefined && !model.initialAssignments.has(compartment.id)) return num(s.initialAmount / compartment.size);
        return binary('/', num(s.initialAmount), name(symbols.compartmentName(s.compartment, s.element)));
    }

    function kineticLaw(r: SbmlReaction): Expr {
        if (!r.law) return num(0);
        const locals = new Map(r.localParameters.map(p => [p.id, localName(r, p.id)]));
        return readMath(r.law, symbols.context(locals));
    }

    function localName(r: SbmlReaction, id: string): string {
        const key = `${r.id}/${id}`;
        let entry = symbols.entries.get(key);
        if (!entry) {
            const cascade = symbols.names.allocate(id, { base: `${symbols.entry(r.id, r.element).name}_${id}`, why: `local parameter of reaction ${r.id}` });
            entry = { id: key, name: cascade, kind: 'local-parameter' };
            symbols.entries.set(key, entry);
        }
        return entry.name;
    }

    function writeReaction(r: SbmlReaction): string {
        const reactionName = symbols.entry(r.id, r.element).name;
        const locals = r.localParameters.map(p => `parameter ${localName(r, p.id)}${title(p.name, p.id)} = ${print(num(p.value ?? 0))}`);
        const flux = symbols.fluxesRead.get(r.id);
        const law = flux !== undefined ? name(flux) : laws.get(r.id)!;
        const [reactants, products] = sides(r);
        if (reactants === '' && products === '') return [...locals, `// reaction ${reactionName} changes no species`].join('\n');
        const fallback = r.compartment ?? [...r.reactants, ...r.products].map(ref => symbols.speciesNamed(ref.species)?.compartment)[0]
            ?? model.compartments[0]?.id;
        if (fallback === undefined) throw new SbmlImportError(r.element.path, 'the reaction has no compartment to measure its rate in');
        const volumes = new Set(model.compartments.map(c => symbols.entry(c.id, c.element).name));
        const { compartment, rate } = ratePerCompartment(law, volumes, symbols.compartmentName(fallback, r.element));
        const comment = r.law ? [] : ['// no kinetic law in the SBML: the flux is 0'];
        const equation = `${reactants} -> ${products}`.trim();
        const block = declaration(`reaction ${reactionName}`, r.name, [...comment, equation, `rate ${print(rate)}`].map(l => l.trim()), ` in ${compartment}`);
        return [...locals, block].join('\n');
    }

    /**
     * Both sides' stoichiometric terms. Species set by rules take no part (SBML lets reactions
     * only read them); a negative coefficient moves a species to the other side.
     */
    function sides(r: SbmlReaction): [string, string] {
        const usable = (refs: SbmlSpeciesReference[]) => refs.filter(ref => !model.assignmentRules.has(ref.species) && ref.stoichiometry !== 0);
        const positive = (refs: SbmlSpeciesReference[]) => usable(refs).filter(ref => ref.stoichiometry > 0);
        const negative = (refs: SbmlSpeciesReference[]) => usable(refs).filter(ref => ref.stoichiometry < 0);
        const term = (ref: SbmlSpeciesReference) => {
            const species = symbols.entry(ref.species, ref.element).name;
            const coefficient = Math.abs(ref.stoichiometry);
            return coefficient === 1 ? species : `${print(num(coefficient))} ${species}`;
        };
        return [[...positive(r.reactants), ...negative(r.products)], [...positive(r.products), ...negative(r.reactants)]]
            .map(refs => refs.map(term).join(' + ')) as [string, string];
    }

    /** A species or parameter that rules and events may change (not a compartment: its volume is constant here). */
    function mutable(variable: string, at: Parameters<typeof symbols.entry>[1], what: string) {
        const entry = symbols.entry(variable, at);
        if (entry.kind === 'compartment') throw new SbmlImportError(at.path, `a ${what} on a compartment (a changing volume) is not supported`, true);
        if (entry.kind !== 'species' && entry.kind !== 'parameter') throw new SbmlImportError(at.path, `a ${what} cannot change the ${entry.kind} '${variable}'`);
        return entry;
    }

    /** SBML math for a species with hasOnlySubstanceUnits gives its amount; its Cascade species holds the concentration. */
    function perVolume(variable: string, value: Expr): Expr {
        const entry = symbols.entries.get(variable);
        return symbols.readsAsAmount(variable) ? binary('/', value, name(entry!.compartment!)) : value;
    }
}

function readsThroughRules(value: Expr, rules: ReadonlyMap<string, Expr>): Set<string> {
    const reads = namesIn(value);
    for (const read of reads) {
        const rule = rules.get(read);
        if (rule) for (const inner of namesIn(rule)) reads.add(inner);
    }
    return reads;
}

/** A title string, left out when SBML's name only repeats the id; line breaks and other control characters become spaces. */
export function title(text: string | undefined, id?: string): string {
    return text === undefined || text === '' || text === id ? ''
        : ` "${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ')}"`;
}

function declaration(head: string, titleText: string | undefined, members: string[], placement = ''): string {
    const start = `${head}${title(titleText, head.slice(head.lastIndexOf(' ') + 1))}${placement}`;
    if (members.length === 0) return start;
    if (members.length <= 2 && members.every(m => !m.startsWith('//') && m.length < 40)) return `${start} { ${members.join('  ')} }`;
    return `${start} {\n${members.map(m => `    ${m}`).join('\n')}\n}`;
}
