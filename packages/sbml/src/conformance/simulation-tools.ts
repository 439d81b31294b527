import type { ModelIR } from '@neurocascade/simulator';

/** What the harness needs from the language (text → IR) and the simulator (IR → time courses). */
export interface SimulationTools {
    /** Lowers Cascade text to the model IR; rejects with the first error. */
    load(text: string, fileName: string): Promise<ModelIR>;
    /** Lowers a file and what it imports. */
    loadFile(path: string): Promise<ModelIR>;
    /** Runs a scenario; `series[i]` is the scenario's i-th observable. */
    simulate(model: ModelIR, scenario: string, tolerances: { rtol: number; atol: number }): { time: number[]; series: { values: number[] }[] };
}

interface Diagnostic { message: string; severity: string; line: number }
type Loaded = Promise<{ model?: ModelIR; diagnostics: Diagnostic[] }>;
interface LanguageApi { loadModelFromText(text: string, path?: string): Loaded; loadModelFromFile(path: string): Loaded }

/**
 * Binds the harness to `loadModelFromText` of @neurocascade/language and `simulateScenario` of
 * @neurocascade/simulator. The language package is imported at run time so this package builds
 * without it (the language depends on langium and is built on its own).
 */
export async function loadSimulationTools(): Promise<SimulationTools> {
    const languagePackage = '@neurocascade/language';
    const { loadModelFromText, loadModelFromFile } = await import(languagePackage) as LanguageApi;
    const { simulateScenario } = await import('@neurocascade/simulator');
    const checked = async (loading: Loaded) => {
        const { model, diagnostics } = await loading;
        const error = diagnostics.find(d => d.severity === 'error');
        if (error) throw new Error(`line ${error.line}: ${error.message}`);
        if (!model) throw new Error('the model did not lower');
        return model;
    };
    return {
        load: (text, fileName) => checked(loadModelFromText(text, fileName)),
        loadFile: path => checked(loadModelFromFile(path)),
        simulate: (model, scenario, tolerances) => simulateScenario(model, scenario, { ...tolerances, reportNonFinite: true })
    };
}
