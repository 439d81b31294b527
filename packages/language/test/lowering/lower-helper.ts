import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ModelIR } from '@neurocascade/simulator';
import { ModelLoader } from '../../src/workspace/model-loader.js';

const folder = mkdtempSync(path.join(tmpdir(), 'cascade-lowering-'));
// Removed when the test process ends, however it ends: a run left one folder behind each time.
process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
let count = 0;

/** Writes the files (name → text) into a fresh folder and lowers the first; fails on any error. */
export async function lowerFiles(files: Record<string, string>): Promise<ModelIR> {
    const dir = path.join(folder, String(count++));
    const paths = Object.entries(files).map(([name, text]) => {
        const file = path.join(dir, name);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, text);
        return file;
    });
    const loader = new ModelLoader();
    loader.addWorkspaceRoot(dir);
    const [loaded] = await loader.loadFiles([paths[0]]);
    const errors = loaded.diagnostics.filter(d => d.severity === 'error');
    assert.deepEqual(errors, [], 'the model should have no errors');
    return loaded.model!;
}

export function lower(text: string): Promise<ModelIR> {
    return lowerFiles({ 'model.cascade': text });
}

export const num = (value: number) => ({ kind: 'number', value });

/** Asserts two numbers agree to 12 significant digits (unit conversions multiply by inexact factors). */
export function near(actual: unknown, expected: number): void {
    assert.equal(typeof actual, 'number');
    assert.ok(Math.abs((actual as number) - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `${actual} ≈ ${expected}`);
}
