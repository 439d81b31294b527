/** An SBML document the importer cannot represent, naming the element at fault by its path. */
export class SbmlImportError extends Error {
    constructor(
        /** XPath-like location, e.g. `/sbml/model/listOfReactions/reaction[@id='R1']/kineticLaw/math`. */
        readonly path: string,
        readonly detail: string,
        /** True when the document is valid SBML that Cascade cannot express (not a broken input). */
        readonly unsupported = false
    ) {
        super(`${path}: ${detail}`);
        this.name = 'SbmlImportError';
    }
}
