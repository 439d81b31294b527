/** Small SBML Level 3 Version 2 documents for tests, written out so each test shows what it feeds in. */
export const L3V2 = 'http://www.sbml.org/sbml/level3/version2/core';
export const MATHML = 'http://www.w3.org/1998/Math/MathML';

export function sbml(modelContent: string, modelAttributes = 'id="m"'): string {
    return `<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="${L3V2}" level="3" version="2">
  <model ${modelAttributes}>
${modelContent}
  </model>
</sbml>`;
}

export function math(content: string): string {
    return `<math xmlns="${MATHML}">${content}</math>`;
}

export const ONE_COMPARTMENT = '<listOfCompartments><compartment id="cell" size="2" constant="true"/></listOfCompartments>';

export function species(id: string, attributes = 'initialConcentration="1"', flags = 'hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"'): string {
    return `<species id="${id}" compartment="cell" ${attributes} ${flags}/>`;
}

/** A model with one parameter `x` whose value is given by an assignment rule of `content`. */
export function ruleOf(content: string, extra = ''): string {
    return sbml(`${extra}
    <listOfParameters><parameter id="k" value="2" constant="true"/><parameter id="x" constant="false"/></listOfParameters>
    <listOfRules><assignmentRule variable="x">${math(content)}</assignmentRule></listOfRules>`);
}

/** The right-hand side of `rule x = …` in an imported file. */
export function ruleText(cascade: string): string {
    const line = cascade.split('\n').find(l => l.startsWith('rule x = '));
    if (!line) throw new Error(`no rule for x in:\n${cascade}`);
    return line.slice('rule x = '.length);
}
