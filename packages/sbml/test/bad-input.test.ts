import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { importSbml, importSbmlFile, SbmlImportError } from '../src/index.js';
import { L3V2, math, ONE_COMPARTMENT, sbml, species } from './sbml-fixtures.js';

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
            "/sbml/model[@id='m']/listOfParameters/parameter[@id='p']", /'value' is not a number: 'fast'/);
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

    it('imports a 50 MB model without crashing', function () {
        this.timeout(120_000);
        const count = 250_000;
        const items = Array.from({ length: count }, (_, i) => species(`S${i}`, `initialConcentration="${i}" name="species number ${i} with a long descriptive name"`)).join('\n');
        const big = sbml(`${ONE_COMPARTMENT}<listOfSpecies>${items}</listOfSpecies>`);
        assert.ok(big.length > 50e6, `the document is ${(big.length / 1e6).toFixed(1)} MB`);
        const { text, mapping } = importSbml(big);
        assert.equal(mapping.entries.filter(e => e.kind === 'species').length, count);
        assert.match(text, /^intermediate S249999 "species number 249999 with a long descriptive name" in cell \{ initial 249999 \}$/m);
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
