import { CompletionItemKind, SemanticTokenModifiers, SemanticTokenTypes, SymbolKind } from 'vscode-languageserver';
import type { DeclarationKind } from './declaration-kinds.js';

/** How one kind of declaration shows in completion, the outline and semantic highlighting. */
export interface SymbolPresentation {
    /** The modeler's word: `enzyme`, `transmitter (species)`. */
    label: string;
    completionKind: CompletionItemKind;
    symbolKind: SymbolKind;
    /** A standard LSP token type, so every theme colours it; species kinds differ by modifier. */
    tokenType: string;
    tokenModifiers: string[];
}

const entry = (label: string, completionKind: CompletionItemKind, symbolKind: SymbolKind, tokenType: string, tokenModifiers: string[] = []): SymbolPresentation =>
    ({ label, completionKind, symbolKind, tokenType, tokenModifiers });

const PRESENTATIONS: Readonly<Record<DeclarationKind, SymbolPresentation>> = {
    compartment: entry('compartment', CompletionItemKind.Module, SymbolKind.Namespace, SemanticTokenTypes.namespace),
    precursor: species('precursor'),
    cofactor: species('cofactor'),
    intermediate: species('intermediate'),
    transmitter: species('transmitter'),
    metabolite: species('metabolite'),
    enzyme: entry('enzyme', CompletionItemKind.Class, SymbolKind.Class, SemanticTokenTypes.class),
    transporter: entry('transporter', CompletionItemKind.Struct, SymbolKind.Struct, SemanticTokenTypes.struct),
    release: entry('release', CompletionItemKind.Event, SymbolKind.Event, SemanticTokenTypes.event),
    reaction: entry('reaction', CompletionItemKind.Method, SymbolKind.Method, SemanticTokenTypes.method),
    receptor: entry('receptor', CompletionItemKind.Interface, SymbolKind.Interface, SemanticTokenTypes.interface),
    modulator: entry('modulator', CompletionItemKind.Enum, SymbolKind.Enum, SemanticTokenTypes.enum),
    parameter: entry('parameter', CompletionItemKind.Constant, SymbolKind.Constant, SemanticTokenTypes.parameter, [SemanticTokenModifiers.readonly]),
    rule: entry('rule', CompletionItemKind.Property, SymbolKind.Property, SemanticTokenTypes.property),
    function: entry('function', CompletionItemKind.Function, SymbolKind.Function, SemanticTokenTypes.function),
    argument: entry('function argument', CompletionItemKind.TypeParameter, SymbolKind.TypeParameter, SemanticTokenTypes.typeParameter),
    scenario: entry('scenario', CompletionItemKind.Folder, SymbolKind.Package, SemanticTokenTypes.macro),
    cascade: entry('cascade', CompletionItemKind.Reference, SymbolKind.Object, SemanticTokenTypes.decorator),
    scan: entry('scan', CompletionItemKind.Reference, SymbolKind.Object, SemanticTokenTypes.decorator),
    population: entry('population', CompletionItemKind.Reference, SymbolKind.Object, SemanticTokenTypes.decorator),
    data: entry('data', CompletionItemKind.File, SymbolKind.File, SemanticTokenTypes.decorator),
    fit: entry('fit', CompletionItemKind.Reference, SymbolKind.Object, SemanticTokenTypes.decorator)
};

function species(kind: string): SymbolPresentation {
    return entry(`${kind} (species)`, CompletionItemKind.Variable, SymbolKind.Variable, SemanticTokenTypes.variable, [kind]);
}

const UNKNOWN = entry('name', CompletionItemKind.Text, SymbolKind.Field, SemanticTokenTypes.variable);

export function symbolPresentation(kind: DeclarationKind | undefined): SymbolPresentation {
    return kind ? PRESENTATIONS[kind] : UNKNOWN;
}

/** Token modifiers Cascade adds to the LSP set: one per species kind. */
export const SPECIES_TOKEN_MODIFIERS: readonly string[] = Object.values(PRESENTATIONS)
    .flatMap(presentation => presentation.tokenModifiers)
    .filter((modifier, index, all) => all.indexOf(modifier) === index && modifier !== SemanticTokenModifiers.readonly);
