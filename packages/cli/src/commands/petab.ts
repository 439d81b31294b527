import path from 'node:path';
import { exportPetab, importPetabFile, writePetabProblem } from '@neurocascade/sbml';
import { parseArguments } from '../arguments.js';
import { readInput } from '../files.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { UsageError } from '../usage.js';

/**
 * `cascade petab export <file> --name F --out DIR`: the fit F as a PEtab v1 problem (six files);
 * `cascade petab import <problem.yaml> [-o out.cascade]`: a PEtab problem as a Cascade file.
 */
export async function petab(args: string[]): Promise<number> {
    const [action, ...rest] = args;
    if (action === 'export') return petabExport(rest);
    if (action === 'import') return petabImport(rest);
    throw new UsageError(`petab needs 'export' or 'import'${action === undefined ? '' : `, not '${action}'`}`);
}

async function petabExport(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, { name: { type: 'string' }, out: { type: 'string', short: 'o' } });
    if (positionals.length !== 1) throw new UsageError('petab export needs exactly one .cascade file');
    if (!values.out) throw new UsageError('petab export needs --out DIR, the folder to write the problem into');
    const { model } = await loadCheckedModel(positionals[0]);
    const fits = model.fits ?? [];
    const name = values.name ?? (fits.length === 1 ? fits[0].name : undefined);
    if (name === undefined) throw new UsageError(`petab export needs --name F (the file has: ${fits.map(f => f.name).join(', ') || 'no fit'})`);
    requireDeclared('fit', name, fits);
    const yaml = await writePetabProblem(path.resolve(values.out), name, exportPetab(model, name));
    process.stdout.write(`${path.relative(process.cwd(), yaml)}: written\n`);
    return 0;
}

async function petabImport(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, { out: { type: 'string', short: 'o' } });
    if (positionals.length !== 1) throw new UsageError('petab import needs exactly one PEtab problem file (.yaml)');
    await readInput(positionals[0]);
    const result = await importPetabFile(path.resolve(positionals[0]), values.out ? path.resolve(values.out) : undefined);
    process.stdout.write(`${path.relative(process.cwd(), result.outPath)}: written\n`);
    return 0;
}
