import { interruptAndCheck, isAstNode, isReference, type AstNode, type ReferenceInfo } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

/**
 * Every node of a tree in document order, collected by plain recursion. Langium's `streamAst`
 * builds iterator objects per node and per property; on a 20,000-line file that traversal was
 * a third of the time of linking, indexing and validation together. A parsed tree never
 * changes, so the list is kept for as long as the tree lives: linking and validation share it.
 */
export function allNodes(root: AstNode): AstNode[] {
    let nodes = collected.get(root);
    if (!nodes) {
        nodes = collect(root);
        collected.set(root, nodes);
    }
    return nodes;
}

function collect(root: AstNode): AstNode[] {
    const nodes: AstNode[] = [];
    const visit = (node: AstNode): void => {
        nodes.push(node);
        for (const key in node) {
            if (key.charCodeAt(0) === DOLLAR) continue;
            const value = (node as unknown as Record<string, unknown>)[key];
            if (Array.isArray(value)) {
                for (const item of value) if (isAstNode(item)) visit(item);
            } else if (isAstNode(value)) {
                visit(value);
            }
        }
    };
    visit(root);
    return nodes;
}

const collected = new WeakMap<AstNode, AstNode[]>();

/** The cross-references held directly by a node (the grammar has no lists of references). */
export function referencesOf(node: AstNode): ReferenceInfo[] {
    const references: ReferenceInfo[] = [];
    for (const key in node) {
        if (key.charCodeAt(0) === DOLLAR) continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        if (isReference(value)) references.push({ reference: value, container: node, property: key });
    }
    return references;
}

/**
 * Runs `visit` on every node, yielding to the event loop and honouring cancellation as Langium's
 * own loops do, but checking once per batch of nodes instead of awaiting once per node.
 */
export async function visitNodes(root: AstNode, token: CancellationToken | undefined, visit: (node: AstNode) => void): Promise<void> {
    const nodes = allNodes(root);
    for (let i = 0; i < nodes.length; i++) {
        if (token && i % BATCH === 0) await interruptAndCheck(token);
        visit(nodes[i]);
    }
}

const DOLLAR = '$'.charCodeAt(0);
const BATCH = 256;
