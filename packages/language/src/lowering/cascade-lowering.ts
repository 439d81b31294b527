import type { LangiumDocument } from 'langium';
import type * as IR from '@neurocascade/simulator';
import {
    isCascade, isCompartment, isData, isFit, isPopulation, isScan, isEnzyme, isFunctionDecl, isInitialAssignment, isModulator, isParameter, isRateRule,
    isReaction, isReceptor, isRelease, isRule, isScenario, isSpecies, isTransporter, isWhenEvent,
    type CascadeFile, type Declaration, type Species
} from '../generated/ast.js';
import type { CascadeServices } from '../cascade-module.js';
import { DEFAULT_COMPARTMENT, lowerCompartment, lowerEffects, lowerModulator, lowerProcess, lowerReceptor, lowerSpecies } from './lower-declarations.js';
import { assignDisplayUnits, Observables } from './lower-observables.js';
import { lowerCascade, lowerScan, lowerScenarios, lowerWhen } from './lower-scenarios.js';
import { lowerPopulation } from './lower-populations.js';
import { LoweringContext } from './lowering-context.js';
import { lowerData, lowerFit } from './lower-fits.js';

interface Located<T> {
    node: T;
    file: string;
}

/**
 * Lowers a checked document and everything it imports into the model IR (docs/reference.md → ir.ts).
 * Call it on a document without errors: names are taken as resolved, and a declaration
 * reached twice (duplicate) is taken once.
 */
export function lowerDocument(document: LangiumDocument, services: CascadeServices): IR.ModelIR {
    const root = document.parseResult.value as CascadeFile;
    const declarations = collectDeclarations(document, services);
    const all = <T extends Declaration>(guard: (node: unknown) => node is T): Located<T>[] =>
        declarations.filter((item): item is Located<T> => guard(item.node));

    const unitsChecked = !root.header?.unchecked;
    const speciesNodes = all(isSpecies);
    const context = new LoweringContext(unitsChecked, new Map(speciesNodes.map(({ node }) => [node.name, node])), services.documentation.CommentProvider);

    const compartments = all(isCompartment).map(({ node }) => lowerCompartment(node, context));
    if (compartments.length === 0) compartments.push({ name: DEFAULT_COMPARTMENT, volume: { kind: 'number', value: 1 } });
    const compartmentOfSpecies = (node: Species) => node.compartment?.$refText ?? (compartments.length === 1 ? compartments[0].name : DEFAULT_COMPARTMENT);
    const species = speciesNodes.map(({ node, file }) => lowerSpecies(node, compartmentOfSpecies, context, file));
    const speciesCompartment = context.speciesCompartments;
    species.forEach(item => speciesCompartment.set(item.name, item.compartment));
    const processes = [...all(isEnzyme), ...all(isTransporter), ...all(isRelease), ...all(isReaction)]
        .sort((a, b) => declarations.indexOf(a) - declarations.indexOf(b))
        .map(({ node, file }) => lowerProcess(node, name => speciesCompartment.get(name), context, file));
    const receptors = all(isReceptor).map(({ node, file }) => lowerReceptor(node, context, file));
    const modulators = all(isModulator).map(({ node, file }) => lowerModulator(node, context, file));
    const effects = [...all(isModulator), ...all(isReceptor), ...speciesNodes].flatMap(({ node, file }) => lowerEffects(node, context, file));
    const parameters = all(isParameter).map(({ node }) => ({ name: node.name, title: node.title, value: context.expression(node.value), unit: context.unitOf(node.value) }));
    const rules = all(isRule).map(({ node }) => ({ name: node.name, title: node.title, expression: context.expression(node.expression), unit: context.unitOf(node.expression) }));
    const events = all(isWhenEvent).map(({ node, file }) => lowerWhen(node, context, file));
    const observables = new Observables(species, modulators, rules, parameters, processes);

    const model: IR.ModelIR = {
        name: root.header?.name ?? document.uri.path.split('/').pop()!.replace(/\.cascade$/, ''),
        title: root.header?.title,
        doc: root.header ? context.doc(root.header) : undefined,
        unitsChecked,
        compartments,
        species,
        processes,
        receptors,
        modulators,
        effects,
        parameters,
        functions: all(isFunctionDecl).map(({ node }) => ({ name: node.name, parameters: node.params.map(param => param.name), body: context.expression(node.body) })),
        rules,
        rateRules: all(isRateRule).map(({ node }) => ({ target: node.target.$refText, expression: context.rateOf(node.target.$refText, node.expression) })),
        initialAssignments: all(isInitialAssignment).map(({ node }) => ({ target: node.target.$refText, expression: context.concentrationOf(node.target.$refText, node.expression) })),
        events,
        scenarios: lowerScenarios(all(isScenario), events, observables, context),
        cascades: all(isCascade).map(({ node, file }) => lowerCascade(node, observables, context, file)),
        scans: all(isScan).map(({ node, file }) => lowerScan(node, observables, context, file)),
        populations: all(isPopulation).map(({ node, file }) => lowerPopulation(node, observables, context, file)),
        datasets: all(isData).map(({ node, file }) => lowerData(node, observables, context, file)),
        fits: all(isFit).map(({ node, file }) => lowerFit(node, context, file))
    };
    assignDisplayUnits(model);
    return model;
}

/** Declarations of the document and its imports, the document's own first, each name once. */
function collectDeclarations(document: LangiumDocument, services: CascadeServices): Located<Declaration>[] {
    const seen = new Set<string>();
    const result: Located<Declaration>[] = [];
    for (const member of services.references.CascadeImports.closure(document)) {
        const file = member.uri.fsPath;
        for (const node of (member.parseResult.value as CascadeFile).declarations) {
            const name = (node as { name?: string }).name;
            if (name !== undefined && seen.has(name)) continue;
            if (name !== undefined) seen.add(name);
            result.push({ node, file });
        }
    }
    return result;
}
