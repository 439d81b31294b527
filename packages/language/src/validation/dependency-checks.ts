import { type AstNode, type ValidationChecks } from 'langium';
import {
    isReceptor, type CascadeAstType, type Declaration, type Expression, type Member, type NamedElement,
    type Receptor
} from '../generated/ast.js';
import { propertyOf } from '../units/written-values.js';
import { CODE_ALGEBRAIC_LOOP } from './diagnostic-codes.js';
import type { ModelAnalyses } from './model-analysis.js';
import { stronglyConnected } from './strongly-connected.js';

/** A value computed from others at every instant: a rule, parameter, level, function, or a receptor's occupancy or activation. */
interface Vertex {
    declaration: NamedElement;
    label: string;
    inputs: Expression[];
    /** Dependencies that are not written as expressions (a receptor's occupancy, modulators of its density). */
    extra: Vertex[];
}

/** algebraic-loop and extends-cycle (docs/reference.md#checks). */
export function dependencyChecks(analyses: ModelAnalyses): ValidationChecks<CascadeAstType> {
    return {
        CascadeFile: (file, accept) => {
            const analysis = analyses.of(file);
            for (const cycle of algebraicLoops(analysis.declarations)) {
                const loop = cycle.length === 1 ? 'it reads itself' : `the loop runs through ${cycle.map(v => v.label).join(', ')}`;
                for (const vertex of cycle) {
                    if (!analysis.isLocal(vertex.declaration)) continue;
                    accept('error', `${vertex.label} depends on itself: ${loop}.`,
                        { node: vertex.declaration, property: 'name' as never, data: { code: CODE_ALGEBRAIC_LOOP } });
                }
            }
        }
    };
}

function algebraicLoops(declarations: Declaration[]): Vertex[][] {
    const vertices = new Map<AstNode, Vertex>();
    const occupancy = new Map<Receptor, Vertex>();
    const activation = new Map<Receptor, Vertex>();
    const receptors: Receptor[] = [];
    const rates = new Map<AstNode, Vertex>();
    // Dispatches on `$type` (not the reflection guards): this visits every declaration of the model.
    for (const declaration of declarations) {
        switch (declaration.$type) {
            case 'Rule': vertices.set(declaration, add(declaration, declaration.name, [declaration.expression])); break;
            case 'Parameter': vertices.set(declaration, add(declaration, declaration.name, [declaration.value])); break;
            case 'FunctionDecl': vertices.set(declaration, add(declaration, `${declaration.name}()`, [declaration.body])); break;
            case 'Modulator': vertices.set(declaration, add(declaration, `${declaration.name}.level`, [propertyOf(declaration.members, 'level')])); break;
            case 'Receptor': receptors.push(declaration); break;
            case 'Enzyme': case 'Transporter': case 'Release': case 'Reaction':
                rates.set(declaration, add(declaration, `${declaration.name}.rate`, declaration.members.flatMap(memberValues)));
        }
    }
    for (const receptor of receptors) {
        const blockers = receptor.members.filter(m => m.$type === 'BlockedBy');
        occupancy.set(receptor, add(receptor, `${receptor.name}.occupancy`, [
            propertyOf(receptor.members, 'kd'), propertyOf(receptor.members, 'hill'), ...blockers.map(b => b.ki)]));
        activation.set(receptor, add(receptor, `${receptor.name}.activation`, [propertyOf(receptor.members, 'density')]));
        activation.get(receptor)!.extra.push(occupancy.get(receptor)!);
    }
    // The factors on a receptor's density read their sources: a level or another receptor's occupancy.
    for (const declaration of declarations) {
        if (declaration.$type !== 'Modulator' && declaration.$type !== 'Receptor') continue;
        for (const effect of declaration.members) {
            if (effect.$type !== 'EffectClause') continue;
            const target = effect.target?.ref;
            const affected = effect.property === 'density' && isReceptor(target) ? activation.get(target)
                : effect.property === 'activity' && target ? rates.get(target) : undefined;
            if (!affected) continue;
            const source = declaration.$type === 'Modulator' ? vertices.get(declaration) : occupancy.get(declaration);
            affected.extra.push(...(source ? [source] : []));
            affected.inputs.push(...[effect.max, effect.ec50, effect.hill].filter((e): e is Expression => e !== undefined));
        }
    }
    const balanced = receptors.filter(r => r.members.some(m => m.$type === 'EffectKind' && m.effect !== 'modulatory')).map(r => activation.get(r)!);
    const all = [...vertices.values(), ...occupancy.values(), ...activation.values(), ...rates.values()];
    const dependencies = (vertex: Vertex): Vertex[] => [...vertex.extra, ...vertex.inputs.flatMap(input => readsOf(input))];
    // A process's flux reads its inhibitors by name (a rule or parameter may be one).
    for (const [process, vertex] of rates) {
        for (const member of (process as Declaration & { members: Member[] }).members) {
            if (member.$type === 'InhibitedBy') vertex.extra.push(...vertexOf(vertices, member.inhibitor?.ref));
        }
    }
    const readsOf = (input: Expression): Vertex[] => {
        const reads: Vertex[] = [];
        forEachNode(input, node => {
            if (node.$type === 'BalanceRef') reads.push(...balanced);
            else if (node.$type === 'Call') reads.push(...vertexOf(vertices, node.func?.ref));
            else if (node.$type === 'Ref') {
                const target = node.target?.ref;
                if (node.member === 'occupancy' && isReceptor(target)) reads.push(occupancy.get(target)!);
                else if (node.member === 'activation' && isReceptor(target)) reads.push(activation.get(target)!);
                else if (node.member === 'rate') reads.push(...vertexOf(rates, target));
                else reads.push(...vertexOf(vertices, target));
            }
        });
        return reads;
    };
    return stronglyConnected(all, dependencies);
}

/** The values written in one block member. */
function memberValues(member: Member): (Expression | undefined)[] {
    switch (member.$type) {
        case 'PropertyValue': case 'KmValue': return [member.value];
        case 'Requires': return [member.km];
        case 'InhibitedBy': case 'SubstrateInhibition': return [member.ki];
        default: return [];
    }
}

function add(declaration: NamedElement, label: string, inputs: (Expression | undefined)[]): Vertex {
    return { declaration, label, inputs: inputs.filter((e): e is Expression => e !== undefined), extra: [] };
}

/** Visits an expression and its subexpressions (faster than a generic AST stream on large models). */
function forEachNode(expression: Expression | undefined, visit: (node: Expression) => void): void {
    if (!expression) return; // the parser recovered from an error here
    visit(expression);
    switch (expression.$type) {
        case 'BinaryExpr':
            forEachNode(expression.left, visit);
            forEachNode(expression.right, visit);
            break;
        case 'UnaryExpr': case 'NotExpr': forEachNode(expression.operand, visit); break;
        case 'Call': expression.args.forEach(arg => forEachNode(arg.value, visit));
    }
}

function vertexOf(vertices: Map<AstNode, Vertex>, target: AstNode | undefined): Vertex[] {
    const vertex = target && vertices.get(target);
    return vertex ? [vertex] : [];
}

