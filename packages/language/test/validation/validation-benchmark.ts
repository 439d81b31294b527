/**
 * Validation speed on generated models (not a test: run
 * `node packages/language/out/test/validation/validation-benchmark.js`). Prints a table: lines,
 * time to parse and link, time to validate (every check of docs/reference.md#checks), diagnostics found (median of 3
 * rounds on one warm set of services, a fresh document each round). Times are
 * wall clock and this process's CPU time; on a busy machine the CPU time is the steadier one.
 */
import { EmptyFileSystem, URI } from 'langium';
import { createCascadeServices } from '../../src/cascade-module.js';

/** One block of a realistic model (about 20 lines); `i` makes names unique, `i - 1` links blocks. */
function block(i: number): string {
    const previous = i > 0 ? `Metabolite${i - 1}` : 'Metabolite0';
    return `
precursor Precursor${i} in cell { initial 50 uM  supply 0.5 uM/min  clearance 0.01 /min }
cofactor Cofactor${i} in cell { initial 1.2 uM  fixed }
intermediate Intermediate${i} in cell { initial 0.1 uM }
transmitter Transmitter${i} in cell { initial 0.3 uM  tone inhibitory }
metabolite Metabolite${i} in cell { clearance 0.05 /min }
enzyme Synthase${i} in cell {
    converts Precursor${i} -> Intermediate${i}
    vmax 2.4 uM/min  km Precursor${i} 40 uM
    requires Cofactor${i} km 20 uM
    inhibited by Transmitter${i} ki 1000 uM
}
enzyme Decarboxylase${i} in cell { converts Intermediate${i} -> Transmitter${i}  vmax 10 uM/min  km 0.1 uM }
enzyme Oxidase${i} in cell { converts Transmitter${i} -> Metabolite${i}  vmax 1 uM/min  km 0.5 uM  inhibited by ${previous} ki 5 uM }
receptor Receptor${i} { binds Transmitter${i}  kd 3 nM  effect inhibitory  decreases Synthase${i} activity max 40% ec50 50% }
modulator Hormone${i} { level circadian(mean 80 pg/mL, amplitude 40 pg/mL, peak 8 h, period 24 h)  increases Oxidase${i} activity max 20% ec50 60 pg/mL }
parameter k${i} = 0.3 /min
rule Ratio${i} = Metabolite${i} / (Transmitter${i} + 1 nM) * k${i} * 1 min
scenario Run${i} { simulate 48 h  observe Transmitter${i}, Receptor${i}.occupancy, Ratio${i}  expect Transmitter${i} at steady between 0.05 uM and 2 uM }
`;
}

function model(lines: number): string {
    const parts = ['model Generated', 'compartment cell { volume 1 pL }'];
    let count = 2;
    for (let i = 0; count < lines; i++) {
        const text = block(i);
        parts.push(text);
        count += text.split('\n').length - 1;
    }
    return parts.join('\n');
}

/** Builds a fresh document of `lines` lines (parse, link) and validates it; one round of the table. */
async function measure(services: ReturnType<typeof createCascadeServices>, lines: number, round: number): Promise<number[]> {
    const { shared, Cascade } = services;
    const text = model(lines);
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/bench/${round}/model-${lines}.cascade`));
    shared.workspace.LangiumDocuments.addDocument(document);
    const start = clocks();
    await shared.workspace.DocumentBuilder.build([document], { validation: false });
    const linked = clocks();
    const diagnostics = await Cascade.validation.DocumentValidator.validateDocument(document);
    const validated = clocks();
    shared.workspace.LangiumDocuments.deleteDocument(document.uri);
    return [text.split('\n').length, ...elapsed(start, linked), ...elapsed(linked, validated), diagnostics.length];
}

function clocks(): [number, number] {
    return [performance.now(), process.cpuUsage().user / 1000];
}

function elapsed(from: [number, number], to: [number, number]): number[] {
    return [to[0] - from[0], to[1] - from[1]];
}

/** Rounds per size: the first warms the JIT up; the table shows the median, as a running server sees it. */
const ROUNDS = 3;
const services = createCascadeServices(EmptyFileSystem);
const rows = [['lines', 'parse+link ms', 'cpu ms', 'validate ms', 'cpu ms', 'diagnostics']];
for (const lines of [500, 5_000, 20_000]) {
    const rounds: number[][] = [];
    for (let round = 0; round < ROUNDS; round++) rounds.push(await measure(services, lines, round));
    const median = rounds[0].map((_, column) => rounds.map(r => r[column]).sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]);
    rows.push(median.map(value => value.toFixed(0)));
}
const widths = rows[0].map((_, column) => Math.max(...rows.map(row => row[column].length)));
for (const row of rows) console.log(row.map((cell, column) => cell.padStart(widths[column])).join('  '));
