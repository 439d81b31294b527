/**
 * fast-check generators for hostile SBML text: attribute values that try to leave the importer's
 * comments and strings (line breaks, `/*`, `*\/`, quotes, control characters), names that are
 * object built-ins, and numeric attributes outside xsd:double.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadModelFromText } from '@neurocascade/language';
import { importSbml, SbmlImportError } from '@neurocascade/sbml';

/** Pieces that end or open Cascade comments and strings, or are keywords and object built-ins. */
const HOSTILE_PIECES = ['\n', '\r', '\r\n', '\u2028', '\u2029', '/*', '*/', '//', '"', '\\', '{', '}', 'model X', 'parameter z = 1',
    'constructor', '__proto__', 'toString', '\t', '\u0085', '\u00a0', '\u200b', ' '];

/** A string XML 1.0 can carry in an attribute (no C0 control but tab, line feed, carriage return). */
export const hostileText: fc.Arbitrary<string> = fc.array(fc.oneof(
    fc.constantFrom(...HOSTILE_PIECES),
    fc.string({ unit: 'grapheme', maxLength: 6 }),
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/)
), { maxLength: 8 }).map(parts => parts.join('').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));

/** The text as an XML attribute value: markup escaped, line breaks as character references so the parser keeps them. */
export function xmlAttribute(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
        .replace(/[\t\n\r]/g, c => `&#${c.charCodeAt(0)};`);
}

/** Numeric attribute values that are not xsd:double, many of them numbers to JavaScript's Number(). */
export const notXsdDouble: fc.Arbitrary<string> = fc.oneof(
    fc.constantFrom('constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '0x10', '0o7', '0b1', 'Infinity',
        '-Infinity', 'inf', 'nan', '1_000', '', ' ', '1e', '.', '+', '1..2', '١'),
    fc.string({ maxLength: 6 }).filter(text => !/^\s*([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN)\s*$/.test(text))
);

/** The SBML Level 3 Version 2 core namespace. */
export const CORE = 'http://www.sbml.org/sbml/level3/version2/core';

export interface HostileNames { modelId: string; modelName: string; speciesId: string; speciesName: string; parameterId: string; eventId: string }

/** One species `initial 3` and one parameter `= 5`, every id and name chosen by the caller. */
export function hostileDocument(names: HostileNames): string {
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

/** What a title becomes: the SBML name with runs of whitespace and control characters as one space, or none when it repeats the id. */
function expectedTitle(text: string, id: string): string | undefined {
    return text === '' || text === id ? undefined : text.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ');
}

/**
 * Imports `runs` documents whose ids, names and file name are hostile strings, loads each result
 * as Cascade and compares it declaration by declaration with the SBML: anything injected shows.
 */
export async function fuzzSbmlImport(runs: number, seed: number): Promise<{ imported: number; refused: number }> {
    const outcomes = { imported: 0, refused: 0 };
    const names = fc.record({ modelId: hostileText, modelName: hostileText, speciesId: hostileText, speciesName: hostileText, parameterId: hostileText, eventId: hostileText });
    await fc.assert(fc.asyncProperty(names, hostileText, async (names, sourceName) => {
        const distinct = new Set([names.speciesId, names.parameterId, names.modelId, 'cell']);
        fc.pre(distinct.size === 4 && names.eventId !== names.speciesId && names.eventId !== names.parameterId && names.eventId !== 'cell');
        let result;
        try {
            result = importSbml(hostileDocument(names), { sourceName });
        } catch (error) {
            // Ids SBML itself forbids may be refused, never with anything but an import error.
            assert.ok(error instanceof SbmlImportError, String(error));
            outcomes.refused++;
            return;
        }
        outcomes.imported++;
        const loaded = await loadModelFromText(result.text, `${process.cwd()}/imported.cascade`);
        assert.deepEqual(loaded.diagnostics.filter(d => d.severity === 'error'), [], result.text);
        const model = loaded.model!;
        const entry = (kind: string) => result.mapping.entries.find(e => e.kind === kind)!.name;
        assert.equal(model.name, result.mapping.modelName);
        assert.deepEqual(model.species.map(s => [s.name, s.initial]), [[entry('species'), { kind: 'number', value: 3 }]], result.text);
        assert.deepEqual(model.parameters.map(p => [p.name, p.value]), [[entry('parameter'), { kind: 'number', value: 5 }]], result.text);
        assert.deepEqual(model.compartments.map(c => c.name), ['cell']);
        assert.equal(model.events.length, 1);
        assert.equal(model.species[0].title, expectedTitle(names.speciesName, names.speciesId));
        assert.equal(model.title, expectedTitle(names.modelName, names.modelId));
    }), { numRuns: runs, seed });
    return outcomes;
}
