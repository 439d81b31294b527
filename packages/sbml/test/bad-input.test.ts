import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { importSbml, importSbmlFile, SbmlImportError } from '../src/index.js';
import { MAX_DOCUMENT_LENGTH } from '../src/xml-tree.js';
import { L3V2, math, ONE_COMPARTMENT, ruleOf, ruleText, sbml, species } from './sbml-fixtures.js';

const rejects = (xml: string, path: string, message: RegExp) =>
    assert.throws(() => importSbml(xml), (e: unknown) => e instanceof SbmlImportError && e.path === path && message.test(e.message));

describe('SBML import of bad input', () => {
    it('reports malformed XML with its line and column', () => {
        rejects('<sbml xmlns="x">\n  <model>\n</sbml>', '/', /malformed XML at line 3, column \d+: .*model/);
        rejects('', '/', /malformed XML|no root element/);
    });

    it('rejects a document that is not SBML', () => {
        rejects('<html><body/></html>', '/html', /not an SBML document: the root element is <html>/);
    });

    it('rejects unknown SBML namespaces and mismatched levels', () => {
        rejects('<sbml xmlns="http://example.org/sbml" level="3" version="2"><model/></sbml>', '/sbml', /unknown SBML namespace 'http:\/\/example.org\/sbml'/);
        rejects('<sbml xmlns="http://www.sbml.org/sbml/level1" level="1" version="2"><model/></sbml>', '/sbml', /Level 1 is not supported/);
        rejects(`<sbml xmlns="${L3V2}" level="3" version="1"><model/></sbml>`, '/sbml', /level 3 version 1 does not match/);
        rejects(`<sbml xmlns="${L3V2}" xmlns:comp="http://www.sbml.org/sbml/level3/version1/comp/version1" comp:required="true" level="3" version="2"><model/></sbml>`,
            '/sbml', /package 'http:\/\/www.sbml.org\/sbml\/level3\/version1\/comp\/version1' is required/);
        rejects(sbml('<x:thing/>'), "/sbml/model[@id='m']/thing", /namespace prefix 'x' is not declared/);
    });

    it('names the element that lacks a required attribute', () => {
        rejects(sbml(`${ONE_COMPARTMENT}<listOfSpecies><species id="A" compartment="cell" boundaryCondition="false" constant="false"/></listOfSpecies>`),
            "/sbml/model[@id='m']/listOfSpecies/species[@id='A']", /missing required attribute 'hasOnlySubstanceUnits'/);
        rejects(sbml(`${ONE_COMPARTMENT}<listOfParameters><parameter value="1" constant="true"/></listOfParameters>`),
            "/sbml/model[@id='m']/listOfParameters/parameter", /missing required attribute 'id'/);
        rejects(sbml(`${ONE_COMPARTMENT}<listOfParameters><parameter id="p" value="fast" constant="true"/></listOfParameters>`),
            "/sbml/model[@id='m']/listOfParameters/parameter[@id='p']", /'value' is not a number \(xsd:double\): 'fast'/);
    });

    it('names undeclared ids and unsupported constructs', () => {
        rejects(sbml(`<listOfParameters><parameter id="x" constant="false"/></listOfParameters>
            <listOfRules><assignmentRule variable="x">${math('<ci>nowhere</ci>')}</assignmentRule></listOfRules>`),
            "/sbml/model[@id='m']/listOfRules/assignmentRule[@variable='x']/math/ci", /'nowhere' is not declared/);
        rejects(sbml(`<listOfParameters><parameter id="x" value="1" constant="false"/></listOfParameters>
            <listOfRules><algebraicRule>${math('<ci>x</ci>')}</algebraicRule></listOfRules>`),
            "/sbml/model[@id='m']/listOfRules/algebraicRule", /algebraic rules are not supported/);
        rejects(sbml(`<listOfParameters><parameter id="x" value="1" constant="false"/></listOfParameters>
            <listOfEvents><event useValuesFromTriggerTime="true"><trigger initialValue="true" persistent="true">${math('<true/>')}</trigger>
            <delay>${math('<cn>1</cn>')}</delay></event></listOfEvents>`),
            "/sbml/model[@id='m']/listOfEvents/event/delay", /event delays are not supported/);
        rejects(sbml(`<listOfEvents><event useValuesFromTriggerTime="true"><trigger initialValue="false" persistent="true">${math('<true/>')}</trigger></event></listOfEvents>`),
            "/sbml/model[@id='m']/listOfEvents/event/trigger", /initialValue='false'/);
    });

    it('refuses a document over the size limit at once, before parsing it (50 MB of annotation took 31 s and 1.8 GB)', () => {
        const annotation = `<annotation>${'<x:a xmlns:x="urn:x">annotation text </x:a>'.repeat(1_250_000)}</annotation>`;
        const big = sbml(`${annotation}${ONE_COMPARTMENT}`);
        assert.ok(big.length > 50e6, `the document is ${(big.length / 1e6).toFixed(1)} MB`);
        const started = performance.now();
        rejects(big, '/', /the document is 5\d\.\d MB of text; the importer reads at most 20\.0 MB/);
        assert.ok(performance.now() - started < 1000, 'refused without parsing');
    });

    it('imports a document just under the size limit', function () {
        this.timeout(60_000);
        const items = Array.from({ length: 70_000 }, (_, i) => species(`S${i}`, `initialConcentration="${i}" name="species number ${i} with a long descriptive name"`)).join('\n');
        const big = sbml(`${ONE_COMPARTMENT}<listOfSpecies>${items}</listOfSpecies>`);
        assert.ok(big.length > 14e6 && big.length < MAX_DOCUMENT_LENGTH, `the document is ${(big.length / 1e6).toFixed(1)} MB`);
        const { text, mapping } = importSbml(big);
        assert.equal(mapping.entries.filter(e => e.kind === 'species').length, 70_000);
        assert.match(text, /^intermediate S69999 "species number 69999 with a long descriptive name" in cell \{ initial 69999 \}$/m);
    });

    it('names the element where MathML nests deeper than the limit (1,000 deep)', () => {
        const deep = `${'<apply><minus/>'.repeat(1000)}<cn>1</cn>${'</apply>'.repeat(1000)}`;
        assert.throws(() => importSbml(ruleOf(deep)), (e: unknown) => e instanceof SbmlImportError
            && e.path.startsWith("/sbml/model[@id='m']/listOfRules/assignmentRule[@variable='x']/math/apply/apply/")
            && /elements nest more than 500 deep here/.test(e.message));
        // Well within the limit, the same shape imports: -(-(…(1))) 200 times is 1.
        const fine = importSbml(ruleOf(`${'<apply><minus/>'.repeat(200)}<cn>1</cn>${'</apply>'.repeat(200)}`)).text;
        assert.match(ruleText(fine), /^-+/);
    });

    describe('numbers as SBML defines them (xsd:double)', () => {
        const parameter = (value: string) => sbml(`<listOfParameters><parameter id="p" value="${value}" constant="true"/></listOfParameters>`);
        const parameterLine = (text: string) => text.split('\n').find(line => line.startsWith('parameter p '));

        it('reads INF, -INF, NaN and decimal forms; whitespace around them is collapsed', () => {
            assert.equal(parameterLine(importSbml(parameter('INF')).text), 'parameter p = 1 / 0');
            assert.equal(parameterLine(importSbml(parameter('-INF')).text), 'parameter p = -1 / 0');
            assert.equal(parameterLine(importSbml(parameter('NaN')).text), 'parameter p = 0 / 0');
            assert.equal(parameterLine(importSbml(parameter(' .5E+2 ')).text), 'parameter p = 50');
            assert.equal(parameterLine(importSbml(parameter('-0.25')).text), 'parameter p = -0.25');
        });

        it('refuses object built-in names, JavaScript-only number forms and empty values, naming the element', () => {
            const at = "/sbml/model[@id='m']/listOfParameters/parameter[@id='p']";
            for (const value of ['constructor', '__proto__', 'toString', '0x10', 'Infinity', '1_000', '', ' ', 'inf', '0b1', '1e']) {
                rejects(parameter(value), at, new RegExp(`attribute 'value' is not a number \\(xsd:double\\): '${value}'`));
            }
            rejects(sbml('<listOfCompartments><compartment id="cell" size="constructor" constant="true"/></listOfCompartments>'),
                "/sbml/model[@id='m']/listOfCompartments/compartment[@id='cell']", /attribute 'size' is not a number/);
            rejects(sbml(`${ONE_COMPARTMENT}<listOfSpecies>${species('A', 'initialConcentration="__proto__"')}</listOfSpecies>`),
                "/sbml/model[@id='m']/listOfSpecies/species[@id='A']", /attribute 'initialConcentration' is not a number/);
        });

        it('reports a namespace named like an object built-in as unknown', () => {
            rejects('<sbml xmlns="constructor" level="3" version="2"><model/></sbml>', '/sbml', /unknown SBML namespace 'constructor'/);
            rejects('<sbml xmlns="__proto__" level="3" version="2"><model/></sbml>', '/sbml', /unknown SBML namespace '__proto__'/);
        });

        it('refuses a stoichiometry that is not finite instead of dropping or mis-writing the reaction', () => {
            for (const value of ['NaN', 'INF', '-INF']) {
                rejects(sbml(`${ONE_COMPARTMENT}<listOfSpecies>${species('A')}</listOfSpecies><listOfReactions>
                    <reaction id="R" reversible="false"><listOfReactants><speciesReference species="A" stoichiometry="${value}" constant="true"/></listOfReactants></reaction>
                    </listOfReactions>`), "/sbml/model[@id='m']/listOfReactions/reaction[@id='R']/listOfReactants/speciesReference[@species='A']",
                new RegExp(`the stoichiometry '${value}' is not a finite number`));
            }
        });

        it('reads <cn> text as xsd:double: NaN is not-a-number, 0x10 and Infinity are refused at the element', () => {
            assert.equal(ruleText(importSbml(ruleOf('<cn> NaN </cn>')).text), '0 / 0');
            assert.equal(ruleText(importSbml(ruleOf('<cn> -INF </cn>')).text), '-1 / 0');
            assert.equal(ruleText(importSbml(ruleOf('<cn type="e-notation"> 1.5 <sep/> -3 </cn>')).text), '0.0015');
            for (const text of ['0x10', 'Infinity', 'constructor', '']) {
                rejects(ruleOf(`<cn> ${text} </cn>`), "/sbml/model[@id='m']/listOfRules/assignmentRule[@variable='x']/math/cn", /is not a number \(xsd:double\)/);
            }
        });

        it('refuses element and attribute names that are object built-ins instead of renaming or finding them', () => {
            for (const name of ['toString', 'valueOf', 'hasOwnProperty', 'constructor', '__proto__']) {
                rejects(ruleOf(`<apply><${name}/><cn>1</cn></apply>`), '/', new RegExp(`the XML cannot be read: .*Invalid name: "${name}"`));
                rejects(sbml(`${ONE_COMPARTMENT}<listOfSpecies>${species('A', `initialConcentration="2" ${name}="x"`)}</listOfSpecies>`), '/',
                    new RegExp(`Invalid name: "${name}"`));
            }
        });

        it('finds no MathML function in an element named like another object built-in', () => {
            for (const name of ['isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString']) {
                rejects(ruleOf(`<apply><${name}/><cn>1</cn></apply>`), `/sbml/model[@id='m']/listOfRules/assignmentRule[@variable='x']/math/apply/${name}`,
                    new RegExp(`the MathML element <${name}> is not supported`));
            }
            const text = importSbml(sbml(`${ONE_COMPARTMENT}<listOfSpecies>${species('A', 'initialConcentration="2" isPrototypeOf="y"')}</listOfSpecies>`)).text;
            assert.match(text, /^intermediate A in cell \{ initial 2 \}$/m);
        });
    });

    describe('importSbmlFile', () => {
        let folder: string;
        beforeEach(async () => { folder = await fs.mkdtemp(path.join(os.tmpdir(), 'sbml-import-')); });
        afterEach(async () => { await fs.rm(folder, { recursive: true, force: true }); });

        it('writes the Cascade file next to the SBML file', async () => {
            const input = path.join(folder, 'model.xml');
            await fs.writeFile(input, sbml(`${ONE_COMPARTMENT}<listOfSpecies>${species('A')}</listOfSpecies>`));
            const { outPath } = await importSbmlFile(input);
            assert.equal(outPath, path.join(folder, 'model.cascade'));
            assert.match(await fs.readFile(outPath, 'utf8'), /^\/\/ Imported from SBML Level 3 Version 2 \(model\.xml\)\./);
        });

        it('leaves nothing behind, and an existing file untouched, when the import fails', async () => {
            const input = path.join(folder, 'broken.xml');
            const output = path.join(folder, 'broken.cascade');
            await fs.writeFile(input, '<sbml><model>');
            await fs.writeFile(output, 'previous contents');
            await assert.rejects(importSbmlFile(input, output), SbmlImportError);
            assert.equal(await fs.readFile(output, 'utf8'), 'previous contents');
            assert.deepEqual((await fs.readdir(folder)).sort(), ['broken.cascade', 'broken.xml']);
        });

        it('leaves no temporary file when the target cannot be written', async () => {
            const input = path.join(folder, 'model.xml');
            await fs.writeFile(input, sbml(ONE_COMPARTMENT));
            const target = path.join(folder, 'taken');
            await fs.mkdir(target);
            await assert.rejects(importSbmlFile(input, target));
            assert.ok(existsSync(target));
            assert.deepEqual((await fs.readdir(folder)).sort(), ['model.xml', 'taken']);
        });
    });
});
