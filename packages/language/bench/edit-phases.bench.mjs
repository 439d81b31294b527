/**
 * Where an edit's time goes, in one process (no protocol): a generated model of 300 and 3,000
 * lines is built, then edited 100 times (one number, as `npm run bench:edit` does) and rebuilt
 * through Langium's document builder; each phase is timed to its end. Each size runs twice: with
 * the edited declarations re-parsed alone (the server's way), and with every edit parsed whole.
 * Medians of the edits after the first 10.
 *   node packages/language/bench/edit-phases.bench.mjs   (after `npm run build`)
 */
import { DefaultLangiumDocumentFactory, DocumentState, EmptyFileSystem, TextDocument, URI } from 'langium';
import { loadavg } from 'node:os';
import { createCascadeServices } from '../out/src/cascade-module.js';
import { generateModel } from './generate-model.mjs';

const PHASES = { parse: DocumentState.Parsed, index: DocumentState.IndexedContent, scopes: DocumentState.ComputedScopes, link: DocumentState.Linked, validate: DocumentState.Validated };
const median = values => [...values].sort((a, b) => a - b)[values.length >> 1];

async function edits(lines, whole) {
    const { shared } = createCascadeServices(EmptyFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    // The full parse Langium does by default, for comparison.
    if (whole) factory.parseAsync = DefaultLangiumDocumentFactory.prototype.parseAsync;
    const text = generateModel(lines, 'M');
    const uri = URI.file(`/bench/model-${lines}.cascade`);
    shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'cascade', 1, text));
    const document = factory.fromString(text, uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    let start = 0;
    const ends = {};
    for (const [name, state] of Object.entries(PHASES)) shared.workspace.DocumentBuilder.onBuildPhase(state, () => (ends[name] = performance.now() - start));
    const textLines = text.split('\n');
    const editLine = textLines.findIndex(line => line.includes('vmax 2.4 uM/min'));
    const rows = [];
    for (let version = 2; version < 102; version++) {
        const edited = [...textLines];
        edited[editLine] = `    vmax ${2 + version / 100} uM/min`;
        shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'cascade', version, edited.join('\n')));
        const cpu = process.cpuUsage();
        start = performance.now();
        await shared.workspace.DocumentBuilder.update([uri], []);
        const used = process.cpuUsage(cpu);
        rows.push({ total: performance.now() - start, cpu: (used.user + used.system) / 1000, ...ends });
    }
    const warm = rows.slice(10);
    const at = key => median(warm.map(row => row[key]));
    const names = Object.keys(PHASES);
    // Each phase runs from the end of the one before it (the first from the update's start).
    const phases = names.map((name, i) => median(warm.map(row => row[name] - (i > 0 ? row[names[i - 1]] : 0))).toFixed(1));
    return [`${lines} lines`, whole ? 'whole file' : 'edited declarations', ...phases, at('total').toFixed(1), at('cpu').toFixed(1)];
}

console.log(`One edit rebuilt in-process (median of edits 11–100, ms); load average ${loadavg()[0].toFixed(1)} at the start`);
console.log(`| model | what is parsed | ${Object.keys(PHASES).join(' | ')} | total | CPU |`);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const lines of [300, 3000]) {
    for (const whole of [false, true]) console.log(`| ${(await edits(lines, whole)).join(' | ')} |`);
}
console.log(`load average ${loadavg()[0].toFixed(1)} at the end`);
