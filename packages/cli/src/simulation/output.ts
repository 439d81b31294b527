import { writeFileAtomically } from '../files.js';

/** Writes a command's result to `--out` (whole or not at all) or to stdout. */
export async function emit(text: string, out: string | undefined): Promise<void> {
    if (out) await writeFileAtomically(out, text);
    else process.stdout.write(text);
}

/** A CSV field, quoted when it holds a comma, quote or line break. */
export function csvField(text: string): string {
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Numbers as JavaScript prints them (shortest round-trip), empty for a missing value. */
export function csvNumber(value: number | null | undefined): string {
    return value === null || value === undefined || Number.isNaN(value) ? '' : String(value);
}
