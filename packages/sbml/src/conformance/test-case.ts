import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** One SBML Test Suite case: the model, its settings file and its expected results. */
export interface TestCase {
    id: string;
    xml: string;
    settings: CaseSettings;
    expected: { variables: string[]; times: number[]; rows: number[][] };
}

export interface CaseSettings {
    start: number;
    duration: number;
    steps: number;
    variables: string[];
    absolute: number;
    relative: number;
    amount: Set<string>;
    concentration: Set<string>;
}

export async function readTestCase(casesDirectory: string, id: string): Promise<TestCase> {
    const file = (suffix: string) => fs.readFile(path.join(casesDirectory, id, `${id}-${suffix}`), 'utf8');
    const [xml, settings, results] = await Promise.all([file('sbml-l3v2.xml'), file('settings.txt'), file('results.csv')]);
    return { id, xml, settings: parseSettings(settings), expected: parseResults(results) };
}

export function parseSettings(text: string): CaseSettings {
    const fields = new Map<string, string>();
    for (const line of text.split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon > 0) fields.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    }
    const list = (key: string) => (fields.get(key) ?? '').split(',').map(s => s.trim()).filter(s => s !== '');
    const number = (key: string) => {
        const value = Number(fields.get(key));
        if (!Number.isFinite(value)) throw new Error(`settings: '${key}' is missing or not a number`);
        return value;
    };
    return {
        start: number('start'),
        duration: number('duration'),
        steps: number('steps'),
        variables: list('variables'),
        absolute: number('absolute'),
        relative: number('relative'),
        amount: new Set(list('amount')),
        concentration: new Set(list('concentration'))
    };
}

const SPECIAL: Record<string, number> = { INF: Infinity, '-INF': -Infinity, NaN: NaN, NAN: NaN };

export function parseResults(text: string): TestCase['expected'] {
    const [header, ...lines] = text.split(/\r?\n/).filter(l => l.trim() !== '');
    const rows = lines.map(line => line.split(',').map(cell => {
        const trimmed = cell.trim();
        return trimmed in SPECIAL ? SPECIAL[trimmed] : Number(trimmed);
    }));
    return { variables: header.split(',').slice(1).map(s => s.trim()), times: rows.map(r => r[0]), rows: rows.map(r => r.slice(1)) };
}
