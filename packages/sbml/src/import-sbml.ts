import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '@neurocascade/simulator/atomic-write';
import { writeCascade } from './cascade-writer.js';
import { readSbmlDocument } from './sbml-document.js';
import type { SbmlMapping } from './sbml-mapping.js';
import { readSbmlModel } from './sbml-model.js';
import { constantCompartmentRules, constantInitialValues } from './constant-values.js';
import { SbmlImportError } from './sbml-error.js';
import { MAX_DOCUMENT_LENGTH, megabytes } from './xml-tree.js';

export interface ImportOptions {
    /** Where the SBML came from, named in the file's first comment. */
    sourceName?: string;
    /** New values for global parameters, by SBML id (a PEtab parameter table's nominal values). */
    parameterValues?: ReadonlyMap<string, number>;
}

export interface ImportResult {
    text: string;
    mapping: SbmlMapping;
}

/** SBML Level 2 or 3 core → Cascade text. Throws SbmlImportError naming the element it cannot represent. */
export function importSbml(xmlText: string, options: ImportOptions = {}): ImportResult {
    const document = readSbmlDocument(xmlText);
    const model = readSbmlModel(document);
    for (const parameter of model.parameters) {
        const value = options.parameterValues?.get(parameter.id);
        if (value !== undefined) parameter.value = value;
    }
    return writeCascade(constantInitialValues(constantCompartmentRules(model)), options.sourceName ?? '');
}

/**
 * Imports the file at `inPath` and writes the Cascade text to `outPath` (default: the same
 * name with `.cascade`), atomically: a failure never leaves a partial file. Returns the path written and the mapping.
 */
export async function importSbmlFile(inPath: string, outPath?: string): Promise<ImportResult & { outPath: string }> {
    const target = outPath ?? inPath.replace(/(\.sbml)?(\.xml)?$/i, '') + '.cascade';
    const result = importSbml(await readSbmlFile(inPath), { sourceName: path.basename(inPath) });
    await writeFileAtomic(target, result.text);
    return { ...result, outPath: target };
}

/** The file's text, when it is a regular file within the size limit (a FIFO or /dev/zero is never read). */
async function readSbmlFile(file: string): Promise<string> {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new SbmlImportError('/', `'${file}' is not a regular file`);
    if (stat.size > MAX_DOCUMENT_LENGTH) {
        throw new SbmlImportError('/', `the document is ${megabytes(stat.size)}; the importer reads at most ${megabytes(MAX_DOCUMENT_LENGTH)}`);
    }
    return fs.readFile(file, 'utf8');
}
