#!/usr/bin/env node
// Import speed by document size: `node packages/sbml/scripts/import-benchmark.mjs [MB ...]` (build first).
// Each model has one compartment, n species and n reactions A_i -> A_{i+1} with mass-action laws.
import { importSbml } from '../out/src/index.js';

const sizes = process.argv.slice(2).map(Number).filter(n => n > 0);
const targets = sizes.length > 0 ? sizes : [1, 10, 50];

function model(count) {
    const species = [], reactions = [];
    for (let i = 0; i < count; i++) {
        species.push(`<species id="A${i}" compartment="c" initialConcentration="${i % 7}" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>`);
        reactions.push(`<reaction id="R${i}" reversible="false"><listOfReactants><speciesReference species="A${i}" stoichiometry="1" constant="true"/></listOfReactants>`
            + `<listOfProducts><speciesReference species="A${(i + 1) % count}" stoichiometry="1" constant="true"/></listOfProducts>`
            + `<kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci>c</ci><ci>k</ci><ci>A${i}</ci></apply></math></kineticLaw></reaction>`);
    }
    return `<?xml version="1.0"?><sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2"><model id="bench">`
        + `<listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments><listOfSpecies>${species.join('\n')}</listOfSpecies>`
        + `<listOfParameters><parameter id="k" value="0.1" constant="true"/></listOfParameters><listOfReactions>${reactions.join('\n')}</listOfReactions></model></sbml>`;
}

const perItem = model(1000).length / 1000;
console.log('| size (MB) | species + reactions | import (s) | MB/s | Cascade text (MB) |');
console.log('| --- | --- | --- | --- | --- |');
for (const mb of targets) {
    const count = Math.round(mb * 1e6 / perItem);
    const xml = model(count);
    const started = performance.now();
    const { text } = importSbml(xml);
    const seconds = (performance.now() - started) / 1000;
    console.log(`| ${(xml.length / 1e6).toFixed(1)} | ${count} + ${count} | ${seconds.toFixed(2)} | ${(xml.length / 1e6 / seconds).toFixed(1)} | ${(text.length / 1e6).toFixed(1)} |`);
}
