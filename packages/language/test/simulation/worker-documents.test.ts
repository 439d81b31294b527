import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ModelLoader } from '../../src/workspace/model-loader.js';
import { WorkerDocuments } from '../../src/simulation/worker-documents.js';

const EXAMPLES = fileURLToPath(new URL('../../../../../examples/', import.meta.url));
const files = ['', 'validation'].flatMap(folder => readdirSync(path.join(EXAMPLES, folder))
    .filter(name => name.endsWith('.cascade')).map(name => path.join(EXAMPLES, folder, name)));

describe('the simulation worker\'s documents', function () {
    this.timeout(60000);

    it('lower every example (with its imports) to the same model as the checked document in the server', async () => {
        assert.ok(files.length >= 8, `examples found: ${files.length}`);
        const worker = new WorkerDocuments();
        for (const file of files) {
            const loader = new ModelLoader();
            loader.addWorkspaceRoot(EXAMPLES);
            const [loaded] = await loader.loadFiles([file]);
            assert.ok(loaded.model, `${path.basename(file)} checks clean`);
            const closure = loader.services.references.CascadeImports.closure(loaded.document);
            const texts = closure.map(document => ({ uri: document.uri.toString(), text: document.textDocument.getText() }));
            assert.deepEqual(await worker.model(texts, [pathToFileURL(EXAMPLES).href]), loaded.model, path.basename(file));
        }
    });

    it('lower a text edited since the previous job as edited', async () => {
        const worker = new WorkerDocuments();
        const library = { uri: 'file:///w/library.cascade', text: 'precursor L { initial 1 uM clearance 0.5 /min }' };
        const main = { uri: 'file:///w/main.cascade', text: 'import "./library.cascade"\nscenario S { simulate 1 min observe L }' };
        const first = await worker.model([main, library], []);
        const again = await worker.model([main, library], []);
        assert.deepEqual(again, first);
        const edited = await worker.model([main, { ...library, text: library.text.replace('initial 1 uM', 'initial 3 uM') }], []);
        assert.deepEqual(edited.species.map(s => s.initial), [{ kind: 'number', value: 3 }]);
    });
});
