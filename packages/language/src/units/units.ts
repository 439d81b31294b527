/**
 * Units (docs/reference.md#units): atoms joined by `/`, `*`, integer `^` powers and parentheses, converted to one
 * base per dimension — µmol (so µM for amount concentrations), g, L, min.
 */

/** Exponents of the four base dimensions. */
export interface Dimension {
    amount: number;
    mass: number;
    volume: number;
    time: number;
}

/** A unit: multiply a written number by `scale` to get base units of `dimension`. */
export interface Unit {
    scale: number;
    dimension: Dimension;
}

export class UnitError extends Error {
    /** `offset` is where in the unit text the problem starts. */
    constructor(message: string, readonly offset: number, readonly length: number) {
        super(message);
    }
}

const dim = (amount: number, mass: number, volume: number, time: number): Dimension => ({ amount, mass, volume, time });

export const DIMENSIONLESS = dim(0, 0, 0, 0);
export const AMOUNT_CONCENTRATION = dim(1, 0, -1, 0);
export const MASS_CONCENTRATION = dim(0, 1, -1, 0);
export const AMOUNT = dim(1, 0, 0, 0);
export const MASS = dim(0, 1, 0, 0);
export const VOLUME = dim(0, 0, 1, 0);
export const TIME = dim(0, 0, 0, 1);
export const PER_TIME = dim(0, 0, 0, -1);
export const MOLAR_MASS = dim(-1, 1, 0, 0);
export const AMOUNT_CONCENTRATION_PER_TIME = dim(1, 0, -1, -1);
export const MASS_CONCENTRATION_PER_TIME = dim(0, 1, -1, -1);
/** An enzyme's activity per mass of protein (`nmol/min/mg`). */
export const SPECIFIC_ACTIVITY = dim(1, -1, 0, -1);

const PREFIXES: Record<string, number> = { '': 1, m: 1e-3, u: 1e-6, n: 1e-9, p: 1e-12, f: 1e-15, d: 0.1 };

/** Atom → unit, built from the table of docs/reference.md#units (µ and μ are read as u before lookup). */
const ATOMS: ReadonlyMap<string, Unit> = (() => {
    const atoms = new Map<string, Unit>();
    const family = (base: string, prefixes: string, scale: number, dimension: Dimension) => {
        for (const prefix of ['', ...prefixes]) atoms.set(prefix + base, { scale: scale * PREFIXES[prefix], dimension });
    };
    family('M', 'mupnf', 1e6, AMOUNT_CONCENTRATION);
    family('mol', 'mupnf', 1e6, AMOUNT);
    family('g', 'mupn', 1, MASS);
    family('L', 'dmunpf', 1, VOLUME);
    atoms.set('ms', { scale: 1 / 60000, dimension: TIME });
    atoms.set('s', { scale: 1 / 60, dimension: TIME });
    atoms.set('min', { scale: 1, dimension: TIME });
    atoms.set('h', { scale: 60, dimension: TIME });
    atoms.set('d', { scale: 1440, dimension: TIME });
    atoms.set('%', { scale: 0.01, dimension: DIMENSIONLESS });
    return atoms;
})();

export function isUnitAtom(name: string): boolean {
    return ATOMS.has(normalizeMicro(name));
}

function normalizeMicro(text: string): string {
    return text.replace(/[\u00b5\u03bc]/g, 'u');
}

export function multiply(a: Unit, b: Unit): Unit {
    return { scale: a.scale * b.scale, dimension: combine(a.dimension, b.dimension, 1) };
}

export function divide(a: Unit, b: Unit): Unit {
    return { scale: a.scale / b.scale, dimension: combine(a.dimension, b.dimension, -1) };
}

export function power(a: Unit, exponent: number): Unit {
    const d = a.dimension;
    return { scale: a.scale ** exponent, dimension: dim(d.amount * exponent, d.mass * exponent, d.volume * exponent, d.time * exponent) };
}

function combine(a: Dimension, b: Dimension, sign: number): Dimension {
    return dim(a.amount + sign * b.amount, a.mass + sign * b.mass, a.volume + sign * b.volume, a.time + sign * b.time);
}

export function sameDimension(a: Dimension, b: Dimension): boolean {
    return a.amount === b.amount && a.mass === b.mass && a.volume === b.volume && a.time === b.time;
}

export function isDimensionless(d: Dimension): boolean {
    return sameDimension(d, DIMENSIONLESS);
}

/**
 * Parses a unit as written after a number (leading spaces allowed, none inside).
 * Throws UnitError with the offset of the offending part.
 */
export function parseUnit(text: string): Unit {
    const parser = new UnitParser(text);
    const unit = parser.parse();
    return unit;
}

class UnitParser {
    private position = 0;
    constructor(private readonly text: string) {
        while (this.text[this.position] === ' ' || this.text[this.position] === '\t') this.position++;
    }

    parse(): Unit {
        // A leading `/` means "per": `/min` is 1/min.
        let unit: Unit = this.peek() === '/' ? { scale: 1, dimension: DIMENSIONLESS } : this.factor();
        while (this.position < this.text.length) {
            const op = this.text[this.position];
            if (op !== '/' && op !== '*') throw new UnitError(`unexpected '${op}' in unit`, this.position, 1);
            this.position++;
            const right = this.factor();
            unit = op === '/' ? divide(unit, right) : multiply(unit, right);
        }
        return unit;
    }

    private peek(): string | undefined {
        return this.text[this.position];
    }

    private factor(): Unit {
        let unit: Unit;
        const start = this.position;
        if (this.peek() === '(') {
            this.position++;
            const inner = this.text.slice(this.position, this.matchingParenthesis(start));
            unit = new UnitParser(inner).parseAt(this.position);
            this.position += inner.length + 1;
        } else {
            const match = /^(%|[A-Za-z_\u00b5\u03bc][A-Za-z0-9_\u00b5\u03bc]*)/.exec(this.text.slice(this.position));
            if (!match) throw new UnitError('a unit atom was expected', this.position, 1);
            const atom = ATOMS.get(normalizeMicro(match[1]));
            if (!atom) throw new UnitError(`unknown unit '${match[1]}'`, this.position, match[1].length);
            unit = atom;
            this.position += match[1].length;
        }
        const exponent = /^\^([+-]?\d+)/.exec(this.text.slice(this.position));
        if (exponent) {
            this.position += exponent[0].length;
            unit = power(unit, Number(exponent[1]));
        }
        return unit;
    }

    /** Parses a parenthesised part, re-basing error offsets on the enclosing text. */
    parseAt(offset: number): Unit {
        try {
            return this.parse();
        } catch (error) {
            if (error instanceof UnitError) throw new UnitError(error.message, error.offset + offset, error.length);
            throw error;
        }
    }

    private matchingParenthesis(open: number): number {
        let depth = 0;
        for (let i = open; i < this.text.length; i++) {
            if (this.text[i] === '(') depth++;
            else if (this.text[i] === ')' && --depth === 0) return i;
        }
        throw new UnitError("unclosed '(' in unit", open, 1);
    }
}

const NAMED_DIMENSIONS: [Dimension, string, string][] = [
    [DIMENSIONLESS, 'dimensionless', '1'],
    [AMOUNT_CONCENTRATION, 'amount concentration', 'uM'],
    [MASS_CONCENTRATION, 'mass concentration', 'g/L'],
    [AMOUNT, 'amount', 'umol'],
    [MASS, 'mass', 'g'],
    [VOLUME, 'volume', 'L'],
    [TIME, 'time', 'min'],
    [PER_TIME, 'rate constant (per time)', '/min'],
    [MOLAR_MASS, 'molar mass', 'g/umol'],
    [AMOUNT_CONCENTRATION_PER_TIME, 'concentration per time', 'uM/min'],
    [MASS_CONCENTRATION_PER_TIME, 'mass concentration per time', 'g/L/min'],
    [SPECIFIC_ACTIVITY, 'specific activity (per mass of protein)', 'umol/min/g']
];

/** The base unit of a dimension as text, e.g. `uM/min`, `/min`, `uM^-1*min^-1`. */
export function baseUnitName(d: Dimension): string {
    const named = NAMED_DIMENSIONS.find(([candidate]) => sameDimension(candidate, d));
    if (named) return named[2];
    const parts: [string, number][] = [['umol', d.amount], ['g', d.mass], ['L', d.volume], ['min', d.time]];
    // Present amount/volume pairs as µM, the way modelers write them.
    const molar = Math.sign(d.amount) === -Math.sign(d.volume) ? Math.sign(d.amount) * Math.min(Math.abs(d.amount), Math.abs(d.volume)) : 0;
    const terms: [string, number][] = molar !== 0 ? [['uM', molar], ['umol', d.amount - molar], ['g', d.mass], ['L', d.volume + molar], ['min', d.time]] : parts;
    const written = terms.filter(([, e]) => e !== 0).map(([name, e]) => (e === 1 ? name : `${name}^${e}`));
    return written.join('*');
}

/** A reader's name for a dimension: "time", "concentration per time", or its base unit. */
export function describeDimension(d: Dimension): string {
    const named = NAMED_DIMENSIONS.find(([candidate]) => sameDimension(candidate, d));
    return named ? named[1] : baseUnitName(d);
}

/** Units a modeler would write for a dimension (completion, quick fixes), the base unit first. */
export function unitsOfDimension(d: Dimension): string[] {
    const written = COMMON_UNITS.filter(text => sameDimension(parseUnit(text).dimension, d));
    const base = baseUnitName(d);
    return [base, ...written.filter(text => text !== base)];
}

const COMMON_UNITS = [
    'uM', 'nM', 'mM', 'pM', 'M', 'g/L', 'mg/dL', 'mg/L', 'ug/dL', 'ug/L', 'ng/mL', 'pg/mL',
    'umol', 'nmol', 'mmol', 'mol', 'g', 'mg', 'ug', 'ng', 'L', 'mL', 'uL', 'nL', 'pL', 'fL',
    'min', 's', 'ms', 'h', 'd', '/min', '/s', '/h', '/d', 'uM/min', 'nM/min', 'uM/h', 'nM/s', 'uM/s', 'mM/min',
    'g/mol', '%', '/(uM*min)', '/(nM*min)', 'nmol/min/mg', 'umol/min/mg'
];
