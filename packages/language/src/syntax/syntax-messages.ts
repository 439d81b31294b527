import { nearestNames } from '../lsp/edit-distance.js';
import type { StatementList } from './statement-keywords.js';

/**
 * What an incomplete statement needs next, by the grammar rule it stopped in. `expecting`
 * narrows an entry to the token the parser wanted (`at` and `between` in an `expect` need
 * different words); entries without it cover the rest of the rule. First match wins.
 * `section` is the heading of docs/reference.md that explains the statement.
 */
export interface NextStepMessage {
    rule: string;
    expecting?: string;
    message: string;
    section: string;
}

export const NEXT_STEP_MESSAGES: readonly NextStepMessage[] = [
    { rule: 'Expect', expecting: 'at', message: '`expect` needs a time: `at 30 min` or `at steady`', section: 'Scenarios' },
    { rule: 'Expect', expecting: 'between', message: '`expect` needs a range: `between A and B`, `above A` or `below B`', section: 'Scenarios' },
    { rule: 'Expect', expecting: 'and', message: '`expect` needs both ends of its range: `between A and B`', section: 'Scenarios' },
    { rule: 'Expect', message: '`expect` needs a quantity, a time and a range: `expect X at steady between A and B` (or `above A`, `below B`)', section: 'Scenarios' },
    { rule: 'Simulate', message: '`simulate` needs a duration with its unit: `simulate 60 min`, optionally `step 1 min`', section: 'Scenarios' },
    { rule: 'Observe', message: '`observe` needs the quantities to record: `observe A, B`', section: 'Scenarios' },
    { rule: 'TimedAction', message: '`at` needs a time and an action: `at 10 min dose X 1 uM`, or several in `{ }`', section: 'Scenarios' },
    { rule: 'SetAction', message: '`set` needs a target and a value: `set X 2 uM` or `set X level 25 ug/dL`', section: 'Actions' },
    { rule: 'DoseAction', message: '`dose` needs a target and an amount: `dose X 1 uM`', section: 'Actions' },
    { rule: 'InhibitAction', message: '`inhibit` needs a target and a fraction: `inhibit E 90%`', section: 'Actions' },
    { rule: 'ScaleAction', message: '`scale` needs a target, a property and a factor: `scale E vmax 2`', section: 'Actions' },
    { rule: 'CascadeFrom', message: '`from` needs the scenario the cascade starts from: `from Baseline`', section: 'Cascades' },
    { rule: 'Perturb', message: '`perturb` needs a target and a change: `perturb X supply +50%`', section: 'Cascades' },
    { rule: 'Measure', message: '`measure` needs the quantities to compare: `measure A, B`', section: 'Cascades' },
    { rule: 'CascadeAt', message: '`at` needs a time: `at steady` or `at 30 min`', section: 'Cascades' },
    { rule: 'KmValue', message: '`km` needs a value with its unit: `km 40 uM` or `km Tryptophan 40 uM`', section: 'Enzymes' },
    { rule: 'PropertyValue', message: 'a property needs a value with its unit, e.g. `initial 2 uM`, `clearance 0.1 /min`', section: 'Species members' },
    { rule: 'Requires', message: '`requires` needs a cofactor and its km: `requires BH4 km 10 uM`', section: 'Enzymes' },
    { rule: 'InhibitedBy', message: '`inhibited by` needs an inhibitor and its ki: `inhibited by X ki 2 uM`, optionally `competitive`', section: 'Enzymes' },
    { rule: 'BlockedBy', message: '`blocked by` needs an antagonist and its ki: `blocked by X ki 2 nM`', section: 'Receptors' },
    { rule: 'SubstrateInhibition', message: '`substrate_inhibition` needs a ki: `substrate_inhibition ki 100 uM`', section: 'Enzymes' },
    { rule: 'Binds', message: '`binds` needs a ligand: `binds Dopamine`', section: 'Receptors' },
    { rule: 'EffectKind', message: '`effect` needs a kind: `effect excitatory`, `inhibitory` or `modulatory`', section: 'Receptors' },
    { rule: 'Tone', message: '`tone` needs a kind: `tone excitatory`, `inhibitory` or `modulatory`', section: 'Receptors' },
    { rule: 'EffectClause', message: 'an effect needs a target, a property, `max` and `ec50`: `increases E activity max 2 ec50 1 uM`', section: 'Effect clauses' },
    { rule: 'StoichTerm', message: 'an equation needs a species after each `+`: `converts A + B -> C`', section: 'Reactions' },
    { rule: 'Equation', message: 'an equation needs `->` between what is used and what is made: `converts A -> B`', section: 'Reactions' },
    { rule: 'Parameter', message: 'a parameter needs a name and a value: `parameter k = 2 /min`', section: 'Parameters' },
    { rule: 'FunctionDecl', message: 'a function needs parameters and a body: `function f(x) = x^2`', section: 'Functions' },
    { rule: 'Rule', message: 'a rule needs an expression: `rule total = A + B`', section: 'Rules' },
    { rule: 'RateRule', message: 'a rate rule needs a target and an expression: `rate of X = -k * X`', section: 'Rate rules' },
    { rule: 'InitialAssignment', message: 'an initial assignment needs a target and an expression: `initial X = 2 * Y`', section: 'Initial assignments' },
    { rule: 'WhenEvent', message: '`when` needs a condition and actions in braces: `when X > 1 uM { set Y 0 uM }`', section: 'Events' },
    { rule: 'Import', message: '`import` needs a file name in quotes: `import "receptors.cascade"`', section: 'Files, models and imports' },
    { rule: 'ModelHeader', message: '`model` needs a name: `model Serotonin "title"`', section: 'Files, models and imports' },
    { rule: 'Scenario', message: 'a scenario needs a name and a block: `scenario Baseline { simulate 60 min }`', section: 'Scenarios' },
    { rule: 'Cascade', message: 'a cascade needs a name and a block: `cascade C { from S  perturb X supply +50%  measure Y }`', section: 'Cascades' },
    { rule: 'Primary', message: 'an expression is incomplete here: a number, a name or `(` is missing', section: 'Expressions' }
];

/** How each kind of statement list is named in a message. */
const LIST_PLACES: Record<StatementList, string> = {
    Declaration: 'at the top level of a file',
    Member: 'in this block',
    ScenarioStatement: 'in a scenario',
    CascadeItem: 'in a cascade',
    Action: 'as an action'
};

/** The message of an incomplete statement, pointing to the reference's section on it. */
export function nextStepText(entry: NextStepMessage): string {
    return `${entry.message} (see docs/reference.md, ${entry.section}).`;
}

/** A token that cannot follow the statement before it, such as a second operator. */
export function unexpectedTokenMessage(token: string, previous: string): string {
    return token === '}' ? `This '}' closes no block.` : `Unexpected '${token}' after '${previous}'.`;
}

/** The entry for an error in `ruleStack` (outermost rule first) that wanted `expecting`. */
export function nextStepMessage(ruleStack: readonly string[], expecting: string | undefined): NextStepMessage | undefined {
    for (const rule of [...ruleStack].reverse()) {
        const entry = NEXT_STEP_MESSAGES.find(candidate => candidate.rule === rule && (!candidate.expecting || candidate.expecting === expecting));
        if (entry) return entry;
    }
    return undefined;
}

/** A message for a word that cannot start a statement here, with the keyword it is nearest to. */
export function unknownWordMessage(word: string, list: StatementList, keywords: ReadonlySet<string>, isKeyword: boolean): { message: string; suggestion?: string } {
    const [suggestion] = nearestNames(word, [...keywords].filter(keyword => /^\w+$/.test(keyword)), 1);
    if (suggestion) return { message: `Unknown word '${word}': did you mean '${suggestion}'?`, suggestion };
    const known = [...keywords].filter(keyword => /^\w+$/.test(keyword)).sort().map(keyword => `'${keyword}'`).join(', ');
    const what = isKeyword ? `'${word}' does not belong ${LIST_PLACES[list]}` : `Unknown word '${word}'`;
    return { message: `${what}; a statement here starts with one of ${known}.` };
}

/** A block that ends before its closing brace. */
export function unclosedBlockMessage(before: string | undefined): string {
    return before ? `This block is not closed: '}' is missing before '${before}'.` : `This block is not closed: '}' is missing at the end of the file.`;
}
