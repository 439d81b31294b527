import { cascadeNetwork } from '@neurocascade/language';
import type { ModelIR } from '@neurocascade/simulator';
import { parseArguments } from '../arguments.js';
import { UsageError } from '../usage.js';
import elkModule from 'elkjs/lib/elk.bundled.js';
import { foldChangeScale } from '@neurocascade/language/diagram/diagram-legend';
import { layoutNetwork } from '@neurocascade/language/diagram/network-layout';
import { networkSvg, type DiagramText } from '@neurocascade/language/diagram/network-svg';
import { nodeResponses, type NodeResponses } from '../diagram/node-responses.js';
import { loadCheckedModel, requireDeclared } from '../simulation/load-model.js';
import { emit } from '../simulation/output.js';
import { SOLVER_ARGUMENTS, solverRunOptions } from '../simulation/run-options.js';

/** `cascade diagram <file> [-o out.svg] [--cascade C [--perturbation P]]`: the model's network as a standalone SVG. */
export async function diagram(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, {
        out: { type: 'string', short: 'o' }, cascade: { type: 'string' }, perturbation: { type: 'string' }, ...SOLVER_ARGUMENTS
    });
    if (positionals.length !== 1) throw new UsageError('diagram needs exactly one file');
    if (values.perturbation !== undefined && values.cascade === undefined) throw new UsageError('--perturbation needs --cascade');
    const { model } = await loadCheckedModel(positionals[0]);
    requireDeclared('cascade', values.cascade, model.cascades);
    const responses = values.cascade === undefined ? undefined : await nodeResponses(model, values.cascade, values.perturbation, solverRunOptions(values));
    const layout = await layoutNetwork(new elkModule.default(), cascadeNetwork(model));
    const colouring = responses && { target: responses.target, values: responses.logFold, scale: foldChangeScale(responses.logFold) };
    await emit(networkSvg(layout, diagramText(model, responses), colouring), values.out);
    return 0;
}

function diagramText(model: ModelIR, responses: NodeResponses | undefined): DiagramText {
    const heading = model.title ? `${model.title} (${model.name})` : model.name;
    if (!responses) {
        const counts = [[model.species, 'species', 'species'], [model.processes, 'process', 'processes'], [model.receptors, 'receptor', 'receptors'], [model.modulators, 'modulator', 'modulators']] as const;
        const parts = counts.filter(([items]) => items.length > 0).map(([items, one, many]) => `${items.length} ${items.length === 1 ? one : many}`);
        return { heading, subheading: `Reaction network: ${parts.join(', ')}` };
    }
    const cascade = responses.cascadeTitle ? `${responses.cascade} “${responses.cascadeTitle}”` : responses.cascade;
    const when = responses.at === 'steady' ? 'at steady state' : `at ${responses.at} min`;
    return { heading, subheading: `Cascade ${cascade}: ${responses.perturbation}, each node's change ${when}` };
}
