import { once } from 'node:events';
import { writeFileAtomically } from '../files.js';

/** Text in pieces: a large result is written as it is produced, never held as one string (which V8 caps near 512 MB). */
export type Chunks = Iterable<string>;

/** Writes a command's result to `--out` (whole or not at all) or to stdout, chunk by chunk. */
export async function emit(content: string | Chunks, out: string | undefined): Promise<void> {
    if (out) {
        await writeFileAtomically(out, content);
        return;
    }
    for (const chunk of typeof content === 'string' ? [content] : content) {
        if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    }
}

/** Gathers many small pieces into chunks of about 64 KB. */
export function* batched(pieces: Iterable<string>): Generator<string> {
    let chunk = '';
    for (const piece of pieces) {
        chunk += piece;
        if (chunk.length >= 65_536) {
            yield chunk;
            chunk = '';
        }
    }
    if (chunk !== '') yield chunk;
}

/** `value` as `JSON.stringify(value, null, 2)` writes it, plus a final line break, in chunks. */
export function jsonChunks(value: unknown): Chunks {
    return batched(jsonPieces(value, ''));
}

function* jsonPieces(raw: unknown, indent: string): Generator<string> {
    const value = raw !== null && typeof raw === 'object' && typeof (raw as { toJSON?: unknown }).toJSON === 'function' ? (raw as { toJSON(): unknown }).toJSON() : raw;
    if (value !== null && typeof value === 'object') {
        const inner = `${indent}  `;
        const entries: [string | undefined, unknown][] = Array.isArray(value)
            ? value.map(item => [undefined, item === undefined || typeof item === 'function' ? null : item])
            : Object.entries(value).filter(([, item]) => item !== undefined && typeof item !== 'function');
        if (entries.length === 0) {
            yield Array.isArray(value) ? '[]' : '{}';
        } else {
            yield Array.isArray(value) ? '[' : '{';
            for (const [index, [key, item]] of entries.entries()) {
                yield `${index === 0 ? '' : ','}\n${inner}${key === undefined ? '' : `${JSON.stringify(key)}: `}`;
                yield* jsonPieces(item, inner);
            }
            yield `\n${indent}${Array.isArray(value) ? ']' : '}'}`;
        }
    } else {
        yield JSON.stringify(value) ?? 'null';
    }
    if (indent === '') yield '\n';
}
