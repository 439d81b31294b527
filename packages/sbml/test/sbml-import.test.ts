import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importSbml, SbmlImportError } from '../src/index.js';
import { math, ONE_COMPARTMENT, sbml, species } from './sbml-fixtures.js';

const reaction = (id: string, reactants: string, products: string, law: string, extra = '') => `<reaction id="${id}" reversible="false">
    ${reactants ? `<listOfReactants>${reactants}</listOfReactants>` : ''}${products ? `<listOfProducts>${products}</listOfProducts>` : ''}
    <kineticLaw>${math(law)}${extra}</kineticLaw></reaction>`;
const ref = (species: string, stoichiometry = 1) => `<speciesReference species="${species}" stoichiometry="${stoichiometry}" constant="true"/>`;
const ci = (id: string) => `<ci>${id}</ci>`;
const times = (...args: string[]) => `<apply><times/>${args.join('')}</apply>`;

describe('SBML import', () => {
    it('writes a reaction per compartment volume: the volume factor of the kinetic law is dropped', () => {
        const { text } = importSbml(sbml(`${ONE_COMPARTMENT}
            <listOfSpecies>${species('A')}${species('B')}</listOfSpecies>
            <listOfParameters><parameter id="k" value="0.5" constant="true"/></listOfParameters>
            <listOfReactions>${reaction('R1', ref('A', 2), ref('B'), times(ci('cell'), ci('k'), ci('A')))}</listOfReactions>`));
        assert.match(text, /^model m units unchecked$/m);
        assert.match(text, /^compartment cell \{ volume 2 \}$/m);
        assert.match(text, /^reaction R1 in cell \{ 2 A -> B {2}rate k \* A \}$/m);
    });

    it('divides a kinetic law without a volume factor by the compartment volume', () => {
        const { text } = importSbml(sbml(`${ONE_COMPARTMENT}<listOfSpecies>${species('A')}</listOfSpecies>
            <listOfReactions>${reaction('R1', ref('A'), '', ci('A'))}</listOfReactions>`));
        assert.match(text, /rate A \/ cell/);
    });

    it('reads a species with hasOnlySubstanceUnits as its amount: concentration times volume', () => {
        const { text, mapping } = importSbml(sbml(`${ONE_COMPARTMENT}
            <listOfSpecies>${species('A', 'initialAmount="4"', 'hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"')}</listOfSpecies>
            <listOfParameters><parameter id="x" constant="false"/></listOfParameters>
            <listOfRules><assignmentRule variable="x">${math(ci('A'))}</assignmentRule>
              <rateRule variable="A">${math('<cn>1</cn>')}</rateRule></listOfRules>`));
        assert.match(text, /^intermediate A in cell \{ initial 2 \}$/m, 'initial amount 4 in 2 L is 2 per litre');
        assert.match(text, /^rule x = A \* cell$/m);
        assert.match(text, /^rate of A = 1 \/ cell$/m, 'an amount rate is divided by the volume');
        assert.deepEqual(mapping.entries.find(e => e.id === 'A'), { id: 'A', name: 'A', kind: 'species', compartment: 'cell', amount: false });
    });

    it('makes boundary and constant species fixed, and a species set by a rule a rule', () => {
        const { text, mapping } = importSbml(sbml(`${ONE_COMPARTMENT}
            <listOfSpecies>${species('B', 'initialConcentration="1"', 'hasOnlySubstanceUnits="false" boundaryCondition="true" constant="false"')}
              ${species('C', 'initialConcentration="1"', 'hasOnlySubstanceUnits="true" boundaryCondition="true" constant="false"')}</listOfSpecies>
            <listOfRules><assignmentRule variable="C">${math('<cn>3</cn>')}</assignmentRule></listOfRules>`));
        assert.match(text, /^intermediate B in cell \{ initial 1 {2}fixed \}$/m);
        assert.match(text, /^rule C = 3$/m);
        assert.doesNotMatch(text, /intermediate C/);
        assert.equal(mapping.entries.find(e => e.id === 'C')?.amount, true, 'the rule holds the amount');
    });

    it('renames a species named after any word of the Cascade grammar (read from cascade.langium), so the file it writes parses', () => {
        const grammar = readFileSync(new URL('../../../language/src/cascade.langium', import.meta.url), 'utf8').replace(/\/\/.*$/gm, '');
        const keywords = [...new Set([...grammar.matchAll(/'([A-Za-z_][A-Za-z0-9_]*)'/g)].map(m => m[1]))];
        assert.ok(keywords.length > 100, `read ${keywords.length} keywords from the grammar`);
        for (const word of keywords) {
            const { text } = importSbml(sbml(`${ONE_COMPARTMENT}<listOfSpecies>${species(word)}</listOfSpecies>`));
            assert.match(text, new RegExp(`^// {3}${word} -> ${word}_ \\(a Cascade keyword\\)$`, 'm'), `the keyword ${word} is renamed`);
        }
    });

    it('renames local parameters after their reaction and keywords with a trailing underscore, and says so', () => {
        const { text, mapping } = importSbml(sbml(`${ONE_COMPARTMENT}
            <listOfSpecies>${species('rate')}</listOfSpecies>
            <listOfParameters><parameter id="k" value="9" constant="true"/></listOfParameters>
            <listOfReactions>${reaction('R1', ref('rate'), '', times(ci('k'), ci('rate')),
                '<listOfLocalParameters><localParameter id="k" value="3"/></listOfLocalParameters>')}</listOfReactions>`));
        assert.match(text, /^\/\/ {3}rate -> rate_ \(a Cascade keyword\)$/m);
        assert.match(text, /^\/\/ {3}k -> R1_k \(local parameter of reaction R1\)$/m);
        assert.match(text, /^parameter R1_k = 3$/m);
        assert.match(text, /rate R1_k \* rate_ \/ cell/, 'the local k shadows the global one');
        assert.equal(mapping.entries.find(e => e.id === 'R1/k')?.name, 'R1_k');
    });

    it('orders event assignments so each reads the values from before the event', () => {
        const { text } = importSbml(sbml(`${ONE_COMPARTMENT}
            <listOfParameters><parameter id="a" value="1" constant="false"/><parameter id="b" value="2" constant="false"/></listOfParameters>
            <listOfEvents><event id="E" useValuesFromTriggerTime="true">
              <trigger initialValue="true" persistent="true">${math('<apply><gt/><csymbol definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol><cn>1</cn></apply>')}</trigger>
              <listOfEventAssignments><eventAssignment variable="b">${math('<cn>5</cn>')}</eventAssignment>
                <eventAssignment variable="a">${math(ci('b'))}</eventAssignment></listOfEventAssignments></event></listOfEvents>`));
        assert.match(text, /when t > 1 \{\n {4}set a b\n {4}set b 5\n\}/);
    });

    it('saves values in parameters first when event assignments read each other in a cycle', () => {
        const swap = (x: string, y: string) => `<eventAssignment variable="${x}">${math(ci(y))}</eventAssignment>`;
        const { text } = importSbml(sbml(`${ONE_COMPARTMENT}
            <listOfParameters><parameter id="a" value="1" constant="false"/><parameter id="b" value="2" constant="false"/></listOfParameters>
            <listOfEvents><event useValuesFromTriggerTime="true"><trigger initialValue="true" persistent="true">${math('<apply><gt/><ci>a</ci><cn>0</cn></apply>')}</trigger>
              <listOfEventAssignments>${swap('a', 'b')}${swap('b', 'a')}</listOfEventAssignments></event></listOfEvents>`));
        assert.match(text, /set a_new b\n {4}set b_new a\n {4}set a a_new\n {4}set b b_new/);
        assert.match(text, /^parameter a_new = 0$/m);
    });

    it('turns a compartment rule that reads only constants into an initial value, and rejects a varying one', () => {
        const model = (rule: string) => sbml(`${ONE_COMPARTMENT}<listOfParameters><parameter id="v" value="3" constant="true"/></listOfParameters>
            <listOfRules><assignmentRule variable="cell">${math(rule)}</assignmentRule></listOfRules>`);
        assert.match(importSbml(model(ci('v'))).text, /^initial cell = v$/m);
        assert.throws(() => importSbml(model('<csymbol definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol>')),
            (e: SbmlImportError) => e.unsupported && /assignment rule on a compartment/.test(e.message) && e.path.endsWith("assignmentRule[@variable='cell']"));
    });

    it('turns function definitions into functions and a reaction id read in math into a flux rule', () => {
        const { text } = importSbml(sbml(`<listOfFunctionDefinitions><functionDefinition id="double">${math('<lambda><bvar><ci>t</ci></bvar><apply><times/><cn>2</cn><ci>t</ci></apply></lambda>')}</functionDefinition></listOfFunctionDefinitions>
            ${ONE_COMPARTMENT}<listOfSpecies>${species('A')}</listOfSpecies>
            <listOfParameters><parameter id="x" constant="false"/></listOfParameters>
            <listOfRules><assignmentRule variable="x">${math(`<apply><ci>double</ci><ci>R1</ci></apply>`)}</assignmentRule></listOfRules>
            <listOfReactions>${reaction('R1', ref('A'), '', times(ci('cell'), ci('A')))}</listOfReactions>`));
        assert.match(text, /^function double\(t_\) = 2 \* t_$/m);
        assert.match(text, /^rule x = double\(R1_flux\)$/m);
        assert.match(text, /^rule R1_flux = cell \* A$/m);
        assert.match(text, /reaction R1 in cell \{ A -> {2}rate R1_flux \/ cell \}/);
    });

    it('reads SBML Level 2, with its defaults and kinetic-law parameters', () => {
        const { text } = importSbml(`<sbml xmlns="http://www.sbml.org/sbml/level2/version4" level="2" version="4"><model id="old">
            <listOfCompartments><compartment id="c" size="1"/></listOfCompartments>
            <listOfSpecies><species id="A" compartment="c" initialAmount="3"/><species id="B" compartment="c" initialAmount="0" boundaryCondition="true"/></listOfSpecies>
            <listOfReactions><reaction id="R"><listOfReactants><speciesReference species="A"/></listOfReactants>
              <listOfProducts><speciesReference species="B"/></listOfProducts>
              <kineticLaw>${math(times(ci('k'), ci('A')))}<listOfParameters><parameter id="k" value="0.1"/></listOfParameters></kineticLaw></reaction></listOfReactions>
            </model></sbml>`);
        assert.match(text, /^\/\/ Imported from SBML Level 2 Version 4\.$/m);
        assert.match(text, /^intermediate A in c \{ initial 3 \}$/m);
        assert.match(text, /^intermediate B in c \{ initial 0 {2}fixed \}$/m);
        assert.match(text, /^parameter R_k = 0\.1$/m);
        assert.match(text, /reaction R in c \{ A -> B {2}rate R_k \* A \/ c \}/);
    });

    it('writes initial assignments in the order their dependencies (through rules) need', () => {
        const { text } = importSbml(sbml(`<listOfParameters><parameter id="a" constant="true"/><parameter id="b" constant="false"/>
              <parameter id="c" constant="true"/></listOfParameters>
            <listOfInitialAssignments><initialAssignment symbol="a">${math('<apply><plus/><ci>b</ci><cn>1</cn></apply>')}</initialAssignment>
              <initialAssignment symbol="c">${math('<apply><times/><cn>2</cn><cn>3</cn></apply>')}</initialAssignment></listOfInitialAssignments>
            <listOfRules><assignmentRule variable="b">${math('<apply><plus/><ci>c</ci><cn>1</cn></apply>')}</assignmentRule></listOfRules>`));
        assert.match(text, /^initial c = 2 \* 3\ninitial a = b \+ 1$/m);
    });

    it('writes an initial assignment of a plain number as the declared value', () => {
        const { text } = importSbml(sbml(`${ONE_COMPARTMENT}<listOfSpecies>${species('A', '')}</listOfSpecies>
            <listOfParameters><parameter id="p" constant="true"/></listOfParameters>
            <listOfInitialAssignments><initialAssignment symbol="p">${math('<cn>-4</cn>')}</initialAssignment>
              <initialAssignment symbol="A">${math('<cn type="rational">1<sep/>4</cn>')}</initialAssignment></listOfInitialAssignments>`));
        assert.match(text, /^parameter p = -4$/m);
        assert.match(text, /^intermediate A in cell \{ initial 0\.25 \}$/m);
        assert.doesNotMatch(text, /^initial /m);
    });
});

