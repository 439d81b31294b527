import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadModelFromText } from '@neurocascade/language';
import { importSbml, SbmlImportError } from '@neurocascade/sbml';
import { CORE, fuzzSbmlImport, hostileDocument, notXsdDouble, xmlAttribute } from './sbml-hostile.js';

describe('SBML import of hostile text', function () {
    this.timeout(120_000);

    it('keeps every id, name and file name from SBML out of the Cascade text: the file declares exactly what the SBML does (fuzzed)', async () => {
        const outcomes = await fuzzSbmlImport(300, 20261207);
        assert.ok(outcomes.imported > 150, `only ${outcomes.imported} of 300 documents imported`);
    });

    it('keeps the injection found by hostile testing in its comments: a species id with a line break and /*, a model name starting */', async () => {
        const names = { modelId: 'Good', modelName: '*/ model Evil', speciesId: 'S\n/*', speciesName: 'S', parameterId: 'k\nparameter k2 = 100', eventId: 'e\nmodel Evil' };
        const { text, mapping } = importSbml(hostileDocument(names), { sourceName: 'x.xml\n*/ model Evil /*' });
        const loaded = await loadModelFromText(text, `${process.cwd()}/injected.cascade`);
        assert.deepEqual(loaded.diagnostics.filter(d => d.severity === 'error'), [], text);
        assert.equal(loaded.model!.name, 'Good');
        assert.equal(mapping.modelName, 'Good');
        assert.deepEqual(loaded.model!.parameters.map(p => p.name), ['k_parameter_k2___100']);
        assert.match(text, /^\/\/ {3}S\\u\{a\}\/\* -> S___ \(not a valid Cascade name\)$/m);
    });

    it('reports every numeric attribute outside xsd:double at its element, never importing a number (fuzzed)', () => {
        fc.assert(fc.property(notXsdDouble, fc.constantFrom('size', 'initialConcentration', 'value', 'stoichiometry'), (value, attribute) => {
            const attributes = { size: '2', initialConcentration: '1', value: '1', stoichiometry: '1', [attribute]: xmlAttribute(value) };
            const xml = `<?xml version="1.0"?><sbml xmlns="${CORE}" level="3" version="2"><model id="m">
                <listOfCompartments><compartment id="cell" size="${attributes.size}" constant="true"/></listOfCompartments>
                <listOfSpecies><species id="A" compartment="cell" initialConcentration="${attributes.initialConcentration}" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/></listOfSpecies>
                <listOfParameters><parameter id="p" value="${attributes.value}" constant="true"/></listOfParameters>
                <listOfReactions><reaction id="R" reversible="false"><listOfReactants><speciesReference species="A" stoichiometry="${attributes.stoichiometry}" constant="true"/></listOfReactants></reaction></listOfReactions>
                </model></sbml>`;
            assert.throws(() => importSbml(xml), (error: unknown) => error instanceof SbmlImportError
                && error.path.startsWith("/sbml/model[@id='m']/") && error.message.includes(`attribute '${attribute}' is not a number (xsd:double)`));
        }), { numRuns: 400 });
    });
});
