import { parseArgs } from 'node:util';
import { nearestNames } from '@neurocascade/language/edit-distance';
import { UsageError } from './usage.js';

type Options = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** Values of the options and the positional arguments. */
export interface ParsedArguments<O extends Options> {
    values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };
    positionals: string[];
}

/** node:util parseArgs, with its errors turned into usage errors (an unknown option gets the nearest known one). */
export function parseArguments<O extends Options>(args: string[], options: O): ParsedArguments<O> {
    try {
        return parseArgs({ args, options, allowPositionals: true, strict: true }) as ParsedArguments<O>;
    } catch (error) {
        const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(error instanceof Error ? error.message : '')?.[1];
        if (unknown) {
            const [nearest] = nearestNames(unknown.replace(/^-+/, ''), Object.keys(options), 1);
            throw new UsageError(`unknown option '${unknown}'${nearest ? `; did you mean '--${nearest}'?` : ''}`);
        }
        throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
    }
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, option: string): T {
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${option} must be one of ${allowed.join(', ')}, not '${value}'`);
    return value as T;
}

export function positiveNumber(value: string | undefined, option: string): number | undefined {
    if (value === undefined) return undefined;
    const number = Number(value);
    if (!Number.isFinite(number) || number <= 0) throw new UsageError(`${option} must be a positive number, not '${value}'`);
    return number;
}

/** A whole number of at least `least` (`--starts`, `--seed`, `--workers`). */
export function wholeNumber(value: string | undefined, option: string, least: number): number | undefined {
    if (value === undefined) return undefined;
    const number = Number(value);
    if (!Number.isInteger(number) || number < least) throw new UsageError(`${option} must be a whole number of at least ${least}, not '${value}'`);
    return number;
}

/** A comma-separated list option (`--observe a,b`), without empty entries. */
export function listOption(value: string | undefined): string[] {
    return (value ?? '').split(',').map(item => item.trim()).filter(Boolean);
}
