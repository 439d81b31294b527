import path from 'node:path';
import { importSbmlFile } from '@neurocascade/sbml';
import { parseArguments } from '../arguments.js';
import { readInput } from '../files.js';
import { UsageError } from '../usage.js';

/** `cascade import <model.xml> [-o model.cascade]`: SBML to a Cascade file, written whole or not at all. */
export async function sbmlImport(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, { out: { type: 'string', short: 'o' } });
    if (positionals.length !== 1) throw new UsageError('import needs exactly one SBML file');
    await readInput(positionals[0]);
    const result = await importSbmlFile(path.resolve(positionals[0]), values.out ? path.resolve(values.out) : undefined);
    process.stdout.write(`${path.relative(process.cwd(), result.outPath)}: written\n`);
    return 0;
}
