import type { AstNode, AstReflection, ValidationAcceptor, ValidationCheck, ValidationChecks } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { CascadeAstType } from '../generated/ast.js';
import type { CascadeServices } from '../cascade-module.js';
import { actionChecks } from './action-checks.js';
import { callChecks } from './call-checks.js';
import { dependencyChecks } from './dependency-checks.js';
import { dataChecks } from './data-checks.js';
import { dosingChecks } from './dosing-checks.js';
import { duplicateChecks } from './duplicate-checks.js';
import { fitChecks } from './fit-checks.js';
import { graphChecks } from './graph-checks.js';
import { checkImport } from './import-checks.js';
import { kindChecks } from './kind-checks.js';
import { kineticsChecks } from './kinetics-checks.js';
import { memberRepeatChecks } from './member-repeat-checks.js';
import { ModelAnalyses } from './model-analysis.js';
import { rangeChecks } from './range-checks.js';
import { scanChecks } from './scan-checks.js';
import { populationChecks } from './population-checks.js';
import { rateLawChecks } from './rate-law-checks.js';
import { scenarioChainChecks } from './scenario-chain-checks.js';
import { unitsChecks } from './units-checks.js';
import { unusedChecks } from './unused-checks.js';

/** Registers every check of docs/reference.md#checks with Langium's validation registry. */
export function registerValidationChecks(services: CascadeServices): void {
    const analyses = new ModelAnalyses(services);
    const checks: ValidationChecks<CascadeAstType>[] = [
        { Import: checkImport(services.references.CascadeImports) },
        duplicateChecks(services),
        kindChecks(analyses),
        memberRepeatChecks(),
        callChecks(),
        actionChecks(),
        dosingChecks(analyses),
        unitsChecks(analyses),
        rangeChecks(analyses),
        scanChecks(),
        populationChecks(),
        dataChecks(analyses),
        fitChecks(analyses),
        kineticsChecks(),
        scenarioChainChecks(),
        rateLawChecks(analyses),
        graphChecks(analyses),
        dependencyChecks(analyses),
        unusedChecks(services, analyses)
    ];
    services.validation.ValidationRegistry.register(byConcreteType(checks, services.shared.AstReflection));
}

/**
 * One check per concrete node type, running the checks of every concern in turn. Langium wraps
 * each registered check in an async function, and a model of 20,000 lines has hundreds of
 * thousands of nodes: one wrapper per node instead of one per concern keeps validation fast.
 * The checks are synchronous.
 */
function byConcreteType(sets: ValidationChecks<CascadeAstType>[], reflection: AstReflection): ValidationChecks<CascadeAstType> {
    const byType = new Map<string, ValidationCheck[]>();
    for (const set of sets) {
        for (const [type, entry] of Object.entries(set)) {
            const list = (Array.isArray(entry) ? entry : [entry]) as ValidationCheck[];
            // Langium registers a check for a type's subtypes too: give it leaf types only.
            const leaves = reflection.getAllSubTypes(type).filter(sub => reflection.getAllSubTypes(sub).length === 1);
            for (const leaf of leaves) byType.set(leaf, [...(byType.get(leaf) ?? []), ...list]);
        }
    }
    const merged = [...byType].map(([type, list]) => [type, list.length === 1 ? list[0] :
        (node: AstNode, accept: ValidationAcceptor, token: CancellationToken) => list.forEach(check => check(node, accept, token))]);
    return Object.fromEntries(merged) as ValidationChecks<CascadeAstType>;
}
