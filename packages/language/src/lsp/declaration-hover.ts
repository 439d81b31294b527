import {
    AstUtils, MultiMap, WorkspaceCache, type AstNode, type DocumentationProvider, type LangiumDocument, type LangiumSharedCoreServices
} from 'langium';
import {
    isCascadeFile, isCompartment, isEffectClause, isInhibitAction, isParameter, isRule, isScaleAction, isScenario, isSpecies,
    type CascadeFile, type Member
} from '../generated/ast.js';
import type { ReferenceLinks } from '../reference-links.js';
import type { CascadeImports } from '../scoping/cascade-imports.js';
import { DimensionInference } from '../units/dimension-inference.js';
import { declarationKind, isSpeciesKind, type DeclarationKind } from './declaration-kinds.js';
import { rateLawText } from './rate-law-text.js';
import { symbolPresentation } from './symbol-presentation.js';
import { valueText, written } from './value-text.js';

/**
 * The hover of a declaration: kind and title, its doc comment, every value as written and
 * in base units, its rate law with the numbers filled in, and what modulates it in the model
 * seen from the hovered file (its import closure, never the whole workspace), and a link to the
 * reference's section on its kind.
 */
export class DeclarationHover {
    /** Per document: what modulates each declaration, in the model seen from that document. */
    private readonly modulation: WorkspaceCache<string, MultiMap<AstNode, string>>;

    constructor(private readonly documentation: DocumentationProvider, private readonly imports: CascadeImports, shared: LangiumSharedCoreServices,
        private readonly links: ReferenceLinks) {
        this.modulation = new WorkspaceCache(shared);
    }

    content(node: AstNode, from: LangiumDocument): string | undefined {
        const kind = declarationKind(node);
        if (!kind) return undefined;
        const root = AstUtils.findRootNode(node);
        const unitsChecked = !(isCascadeFile(root) && root.header?.unchecked);
        const inference = new DimensionInference();
        const modulators = this.modulation.get(from.uri.toString(), () => this.modulationIn(from)).get(node);
        const law = rateLawText(node, modulators.length > 0);
        const sections = [
            this.header(node, symbolPresentation(kind).label),
            this.documentation.getDocumentation(node),
            values(node, inference, unitsChecked).map(line => `- ${line}`).join('\n'),
            law && `\`${law}\``,
            modulators.length > 0 ? `Modulated by:\n${modulators.map(line => `- ${line}`).join('\n')}` : undefined,
            this.referenceLink(kind)
        ];
        return sections.filter(section => section).join('\n\n');
    }

    private referenceLink(kind: DeclarationKind): string | undefined {
        const section = referenceSection(kind);
        const href = this.links.href(section);
        return href && `[Reference: ${section}](${href})`;
    }

    private header(node: AstNode, label: string): string {
        const { name, title } = node as { name?: string; title?: string };
        const compartment = isSpecies(node) && node.compartment ? ` in \`${node.compartment.$refText}\`` : '';
        return `**${label}** \`${name}\`${title ? ` — ${title}` : ''}${compartment}`;
    }

    /** Effect clauses and scenario `inhibit`/`scale` actions, by the declaration they act on. */
    private modulationIn(from: LangiumDocument): MultiMap<AstNode, string> {
        const found = new MultiMap<AstNode, string>();
        for (const document of this.imports.closure(from)) {
            for (const candidate of AstUtils.streamAllContents(document.parseResult.value as CascadeFile)) {
                const target = (isEffectClause(candidate) || isInhibitAction(candidate) || isScaleAction(candidate)) ? candidate.target.ref : undefined;
                if (!target) continue;
                if (isEffectClause(candidate)) {
                    found.add(target, `\`${(candidate.$container as { name?: string }).name}\` ${written(candidate)}`);
                } else {
                    const statement = candidate.$container?.$type === 'TimedAction' ? candidate.$container : candidate;
                    found.add(target, `scenario \`${AstUtils.getContainerOfType(candidate, isScenario)?.name ?? '?'}\`: ${written(statement)}`);
                }
            }
        }
        return found;
    }
}

/** One line per value of the declaration: `vmax` 8000 uM/h = 133.3 uM/min. */
function values(node: AstNode, inference: DimensionInference, unitsChecked: boolean): string[] {
    const text = (expression: Parameters<typeof valueText>[0]) => valueText(expression, inference, unitsChecked);
    if (isParameter(node)) return [`value ${text(node.value)}`];
    if (isRule(node)) return [`= ${text(node.expression)}`];
    const members = (node as { members?: Member[] }).members ?? [];
    if (isCompartment(node) && members.length === 0) return ['volume 1 L (implicit)'];
    return members.map(member => {
        switch (member.$type) {
            case 'PropertyValue': return `\`${member.key}\` ${text(member.value)}`;
            case 'KmValue': return `\`km${member.substrate ? ` ${member.substrate.$refText}` : ''}\` ${text(member.value)}`;
            case 'Requires': return `\`requires ${member.cofactor.$refText}\` km ${text(member.km)}`;
            case 'InhibitedBy': return `\`inhibited by ${member.inhibitor.$refText}\` (${member.mode ?? 'competitive'}) ki ${text(member.ki)}`;
            case 'BlockedBy': return `\`blocked by ${member.antagonist.$refText}\` ki ${text(member.ki)}`;
            case 'SubstrateInhibition': return `\`substrate_inhibition\` ki ${text(member.ki)}`;
            case 'EffectClause': {
                const hill = member.hill ? `, hill ${text(member.hill)}` : '';
                return `\`${member.direction} ${member.target.$refText} ${member.property}\` max ${text(member.max)}, ec50 ${text(member.ec50)}${hill}`;
            }
            default: return `\`${written(member)}\``;
        }
    });
}

/** The section of docs/reference.md on a kind of declaration: `Enzymes`, `Species`, `Functions` (for an argument too). */
export function referenceSection(kind: DeclarationKind): string {
    if (isSpeciesKind(kind)) return 'Species';
    const singular = kind === 'argument' ? 'function' : kind;
    return `${singular.charAt(0).toUpperCase()}${singular.slice(1)}s`;
}
