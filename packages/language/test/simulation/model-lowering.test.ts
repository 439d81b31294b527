import { strict as assert } from 'node:assert';
import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { createCascadeServices } from '../../src/cascade-module.js';
import { lowerDocument } from '../../src/lowering/cascade-lowering.js';
import { MAIN_THREAD_LOWERING_LIMIT, modelSource } from '../../src/simulation/model-lowering.js';

/** CPU milliseconds `work` costs this process (it runs alone here, so this is the thread's). */
function cpuMs(work: () => unknown): number {
    const before = process.cpuUsage();
    work();
    const { user, system } = process.cpuUsage(before);
    return (user + system) / 1000;
}

describe('what a run hands to the simulation worker', function () {
    this.timeout(60000);
    const { shared, Cascade } = createCascadeServices(EmptyFileSystem);
    const parse = parseHelper(Cascade);

    it('a long model goes as its texts, costing the server\'s main thread a small part of lowering it', async () => {
        // 3,000 scenarios, each extending the one before with a timed dose (160 KB).
        const scenarios = Array.from({ length: 2999 }, (_, i) => `scenario S${i + 1} extends S${i} { at ${(i + 1) % 100} min dose A 1 uM }`);
        const text = ['precursor A { initial 1 uM clearance 0.1 /min }', 'scenario S0 { simulate 100 min }', ...scenarios].join('\n');
        assert.ok(text.length > MAIN_THREAD_LOWERING_LIMIT);
        const document = await parse(text, { documentUri: 'file:///chain.cascade', validation: true });
        let source: ReturnType<typeof modelSource> | undefined;
        const handOver = cpuMs(() => { source = modelSource(document, shared); });
        assert.ok(source && 'documents' in source && source.documents[0].text === text, 'the texts go to the worker');
        const lowering = cpuMs(() => lowerDocument(document, Cascade));
        // Lowering it here cost 100-480 ms of the main thread (and copying the model to the worker 80-120 ms more).
        assert.ok(handOver < lowering / 2, `handing over took ${handOver.toFixed(1)} ms of CPU, lowering ${lowering.toFixed(1)} ms`);
    });

    it('a short model is lowered by the server, as parsing it again in the worker would cost more', async () => {
        const document = await parse('precursor A { initial 1 uM clearance 0.1 /min }\nscenario S { simulate 10 min }', { documentUri: 'file:///short.cascade', validation: true });
        const source = modelSource(document, shared);
        assert.ok('model' in source);
        assert.deepEqual(source.model.species.map(s => s.name), ['A']);
    });
});
