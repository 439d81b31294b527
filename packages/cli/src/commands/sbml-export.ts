import { exportSbml } from '@neurocascade/sbml';
import { parseArguments } from '../arguments.js';
import { UsageError } from '../usage.js';
import { loadCheckedModel } from '../simulation/load-model.js';
import { emit } from '../simulation/output.js';

/** `cascade export <model.cascade> --sbml [-o model.xml]`: SBML Level 3 Version 2. */
export async function sbmlExport(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, { sbml: { type: 'boolean' }, out: { type: 'string', short: 'o' } });
    if (!values.sbml) throw new UsageError('export needs a format: --sbml');
    if (positionals.length !== 1) throw new UsageError('export needs exactly one .cascade file');
    const { model } = await loadCheckedModel(positionals[0]);
    await emit(exportSbml(model), values.out);
    return 0;
}
