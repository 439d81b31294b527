/**
 * fast-check arbitraries of hostile Cascade text: token streams drawn from the grammar's
 * vocabulary, mutations of the examples (spans deleted, duplicated, swapped, truncated) and
 * random Unicode and binary, plain or spliced into an example.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

export const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));

/** Every `.cascade` file under examples/ (the error examples included). */
export function exampleTexts(): { file: string; text: string }[] {
    const folder = path.join(REPOSITORY, 'examples');
    return readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter(file => file.endsWith('.cascade'))
        .sort()
        .map(file => ({ file, text: readFileSync(path.join(folder, file), 'utf8') }));
}

/** Names that resolve in many token streams, and names that are properties of every JS object. */
const NAMES = ['A', 'B', 'E', 'R', 'M', 'c', 'k', 'S_1', 'Tryptophan', 'x', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const NUMBERS = ['0', '1', '2.5', '.5', '1e-3', '2.5E+2', '1e999', '0e0', '007', '1.', '99999999999999999999'];
const UNITS = ['uM', 'nM', 'µM', 'μM', '/min', 'uM/min', '/(uM*min)', 'uM^-1*min^-1', 'ug/dL', '%', 'h', 'pL', 'g/mol', 'furlongs', '/(', 'uM^', '((uM)', 'min^99999'];
const PUNCTUATION = ['{', '}', '(', ')', ',', '.', '->', '+', '-', '*', '/', '^', '<', '<=', '>', '>=', '==', '!=', '=', '%', ';', '#', '@', '\\'];
const STRINGS = ['"title"', '"./a.cascade"', '"../../../x.cascade"', '"/etc/passwd"', '""', '"esc \\" \\\\"', '"unterminated', '"multi\nline"'];
const COMMENTS = ['// comment\n', '/* block */', '/** doc */', '/* unterminated', '/** */', '//', '*/'];
const SEPARATORS = [' ', ' ', ' ', '\n', '', '\t', '\r\n'];

/** One token of the language's vocabulary (keywords taken from the generated grammar). */
function token(keywords: readonly string[]): fc.Arbitrary<string> {
    return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...keywords) },
        { weight: 3, arbitrary: fc.constantFrom(...NAMES) },
        { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...NUMBERS), fc.constantFrom('', ' ', '  '), fc.constantFrom(...UNITS)).map(([n, s, u]) => n + s + u) },
        { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
        { weight: 3, arbitrary: fc.constantFrom(...PUNCTUATION) },
        { weight: 1, arbitrary: fc.constantFrom(...STRINGS) },
        { weight: 1, arbitrary: fc.constantFrom(...COMMENTS) }
    );
}

export function tokenStreams(keywords: readonly string[]): fc.Arbitrary<string> {
    const separated = fc.tuple(token(keywords), fc.constantFrom(...SEPARATORS)).map(([t, s]) => t + s);
    return fc.array(separated, { maxLength: 120 }).map(parts => parts.join(''));
}

type Mutation = { kind: 'delete' | 'duplicate' | 'swap' | 'truncate'; at: number; length: number; other: number };

const mutation: fc.Arbitrary<Mutation> = fc.record({
    kind: fc.constantFrom('delete', 'duplicate', 'swap', 'truncate'),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 400 })),
    other: fc.double({ min: 0, max: 1, noNaN: true })
});

/** Applies one mutation; positions are fractions of the current length. */
export function mutate(text: string, m: Mutation): string {
    const start = Math.floor(m.at * text.length);
    const end = Math.min(text.length, start + m.length);
    const span = text.slice(start, end);
    switch (m.kind) {
        case 'delete': return text.slice(0, start) + text.slice(end);
        case 'duplicate': return text.slice(0, end) + span + text.slice(end);
        case 'truncate': return text.slice(0, start);
        case 'swap': {
            // Two spans of the same length, the second one after the first.
            const from = end + Math.floor(m.other * (text.length - end));
            const to = Math.min(text.length, from + m.length);
            return text.slice(0, start) + text.slice(from, to) + text.slice(end, from) + span + text.slice(to);
        }
    }
}

export function exampleMutations(examples: readonly string[]): fc.Arbitrary<string> {
    return fc.tuple(fc.constantFrom(...examples), fc.array(mutation, { maxLength: 4 }))
        .map(([text, mutations]) => mutations.reduce(mutate, text));
}

/** Random Unicode, lone surrogates, control characters and bytes, alone or spliced into an example. */
export function unicodeAndBinary(examples: readonly string[]): fc.Arbitrary<string> {
    const noise = fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.uint8Array({ maxLength: 600 }).map(bytes => Buffer.from(bytes).toString('latin1')),
        fc.uint8Array({ maxLength: 600 }).map(bytes => Buffer.from(bytes).toString('utf8'))
    );
    const spliced = fc.tuple(fc.constantFrom(...examples), noise, fc.double({ min: 0, max: 1, noNaN: true }))
        .map(([text, inserted, at]) => {
            const position = Math.floor(at * text.length);
            return text.slice(0, position) + inserted + text.slice(position);
        });
    return fc.oneof(noise, spliced);
}

/** Where to probe completion and hover: fractions of the document's length. */
export const probes = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 });

/** Names every JavaScript object answers from its prototype: legal Cascade names that once broke every run. */
export const OBJECT_BUILTIN_NAMES = ['toString', 'constructor', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'] as const;

const MODEL_PREFIX = 'compartment c { volume 1 uL }\nprecursor A in c { initial 1 uM  clearance 0.1 /min }\nparameter k = 0.1 /min\n';

/**
 * Scenario chains: each scenario extends an earlier one (or, now and then, a later one, itself
 * or an undeclared name) and adds a few statements; long straight chains among them.
 */
export const scenarioChains: fc.Arbitrary<string> = fc.oneof(
    fc.integer({ min: 2, max: 400 }).map(length => MODEL_PREFIX + 'scenario S0 { simulate 100 min }\n'
        + Array.from({ length: length - 1 }, (_, i) => `scenario S${i + 1} extends S${i} { at ${(i * 7) % 100} min dose A 1 uM }`).join('\n')),
    fc.array(fc.record({
        base: fc.oneof({ weight: 8, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom('self', 'later', 'undeclared', 'none') }),
        statements: fc.array(fc.constantFrom(
            'simulate 50 min', 'simulate 2 h step 1 min', 'at 10 min dose A 2 uM', 'at 5 min set k 0.2 /min', 'dose A 1 uM',
            'set k 0.05 /min', 'scale k value 150%', 'observe A', 'expect A at 10 min between 0 uM and 100 uM',
            'expect A at steady between 0 uM and 1 uM', 'when A > 2 uM { set k 0.3 /min }'
        ), { maxLength: 4 })
    }), { minLength: 1, maxLength: 40 }).map(scenarios => MODEL_PREFIX + scenarios.map(({ base, statements }, i) => {
        const target = typeof base === 'number' ? (i === 0 ? undefined : `S${Math.floor(base * i)}`)
            : base === 'self' ? `S${i}` : base === 'later' ? `S${i + 1}` : base === 'undeclared' ? 'Nowhere' : undefined;
        return `scenario S${i}${target ? ` extends ${target}` : ''} { ${statements.join('\n    ')} }`;
    }).join('\n'))
);

/** Models whose functions, parameters and calls are named like JavaScript object built-ins, declared or not. */
export const objectBuiltinNames: fc.Arbitrary<string> = fc.tuple(
    fc.constantFrom(...OBJECT_BUILTIN_NAMES), fc.constantFrom(...OBJECT_BUILTIN_NAMES), fc.boolean(), fc.boolean()
).map(([fn, param, declared, asParameter]) => MODEL_PREFIX
    + (declared ? `function ${fn}(${asParameter ? param : 'x'}) = ${asParameter ? param : 'x'} * 2\n` : '')
    + (asParameter && !declared ? `parameter ${param} = 2\n` : '')
    + `reaction R { A -> rate k * ${fn}(A) }\nrule r = ${fn}(${asParameter && !declared ? param : 'A'})\nscenario S { simulate 10 min\n observe A, r }\n`);

/** A clean model whose declarations the rename family renames (RENAMED), with uses in a function, a rule and scenarios. */
export const RENAME_MODEL = MODEL_PREFIX + 'function sat(x, y) = x / (y + A)\nrule r = sat(A, 1 uM) * k * 1 min\n'
    + 'scenario S { simulate 10 min\n observe A, r }\nscenario T extends S { set k 0.2 /min }\n';
export const RENAMED = ['A', 'k', 'c', 'r', 'S', 'sat'] as const;

/** New names a rename may be asked for: keywords, built-in names, taken names, text that is no name at all, and free names. */
export function renameTargets(keywords: readonly string[]): fc.Arbitrary<string> {
    return fc.oneof(
        fc.constantFrom(...keywords.filter(keyword => /^\w+$/.test(keyword))),
        fc.constantFrom('t', 'balance', '', ' ', 'x y', '1abc', 'k\nparameter z = 1', 'A', 'c', 'k', 'R', 'S', 'a-b', 'Ä', '"q"', '// c', ...OBJECT_BUILTIN_NAMES),
        fc.string({ maxLength: 12 }),
        fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/)
    );
}
