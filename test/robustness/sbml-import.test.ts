import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadModelFromText } from '@neurocascade/language';
import { importSbml, SbmlImportError } from '@neurocascade/sbml';
import { hostileText, notXsdDouble, xmlAttribute } from './sbml-hostile.js';

const CORE = 'http://www.sbml.org/sbml/level3/version2/core';

/** One species `initial 3` and one parameter `= 5`, every id and name chosen by the caller. */
function document(names: { modelId: string; modelName: string; speciesId: string; speciesName: string; parameterId: string; eventId: string }): string {
    const a = xmlAttribute;
    return `<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="${CORE}" level="3" version="2">
  <model id="${a(names.modelId)}" name="${a(names.modelName)}">
    <listOfCompartments><compartment id="cell" size="2" constant="true"/></listOfCompartments>
    <listOfSpecies><species id="${a(names.speciesId)}" name="${a(names.speciesName)}" compartment="cell" initialConcentration="3"
      hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/></listOfSpecies>
    <listOfParameters><parameter id="${a(names.parameterId)}" value="5" constant="true"/></listOfParameters>
    <listOfEvents><event id="${a(names.eventId)}" useValuesFromTriggerTime="true"><trigger initialValue="true" persistent="true">
      <math xmlns="http://www.w3.org/1998/Math/MathML"><false/></math></trigger></event></listOfEvents>
  </model>
</sbml>`;
}

describe('SBML import of hostile text', function () {
    this.timeout(120_000);

    it('keeps every id, name and file name from SBML out of the Cascade text: the file declares exactly what the SBML does (fuzzed)', async () => {
        let imported = 0;
        await fc.assert(fc.asyncProperty(
            fc.record({ modelId: hostileText, modelName: hostileText, speciesId: hostileText, speciesName: hostileText, parameterId: hostileText, eventId: hostileText }),
            hostileText,
            async (names, sourceName) => {
                const distinct = new Set([names.speciesId, names.parameterId, names.modelId, 'cell']);
                fc.pre(distinct.size === 4 && names.eventId !== names.speciesId && names.eventId !== names.parameterId && names.eventId !== 'cell');
                let result;
                try {
                    result = importSbml(document(names), { sourceName });
                } catch (error) {
                    // Ids SBML itself forbids may be refused, never with anything but an import error.
                    assert.ok(error instanceof SbmlImportError, String(error));
                    return;
                }
                imported++;
                const loaded = await loadModelFromText(result.text, `${process.cwd()}/imported.cascade`);
                const errors = loaded.diagnostics.filter(d => d.severity === 'error');
                assert.deepEqual(errors, [], result.text);
                const model = loaded.model!;
                const speciesName = result.mapping.entries.find(e => e.kind === 'species')!.name;
                const parameterName = result.mapping.entries.find(e => e.kind === 'parameter')!.name;
                assert.equal(model.name, result.mapping.modelName);
                assert.deepEqual(model.species.map(s => [s.name, s.initial]), [[speciesName, { kind: 'number', value: 3 }]], result.text);
                assert.deepEqual(model.parameters.map(p => [p.name, p.value]), [[parameterName, { kind: 'number', value: 5 }]], result.text);
                assert.deepEqual(model.compartments.map(c => c.name), ['cell']);
                assert.equal(model.events.length, 1);
                // A title is the SBML name with runs of whitespace and control characters as one space.
                const expected = (text: string, id: string) => text === '' || text === id ? undefined : text.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ');
                assert.equal(model.species[0].title, expected(names.speciesName, names.speciesId));
                assert.equal(model.title, expected(names.modelName, names.modelId));
            }
        ), { numRuns: 300 });
        assert.ok(imported > 150, `only ${imported} of 300 documents imported`);
    });

    it('keeps the injection found by hostile testing in its comments: a species id with a line break and /*, a model name starting */', async () => {
        const names = { modelId: 'Good', modelName: '*/ model Evil', speciesId: 'S\n/*', speciesName: 'S', parameterId: 'k\nparameter k2 = 100', eventId: 'e\nmodel Evil' };
        const { text, mapping } = importSbml(document(names), { sourceName: 'x.xml\n*/ model Evil /*' });
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
