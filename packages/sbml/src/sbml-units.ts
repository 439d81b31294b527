import { node, type XmlNode } from './xml-writer.js';

interface UnitPart { kind: string; exponent: number; scale: number; multiplier: number }

/** Cascade unit atoms as SBML base units (the IR's base units and the atoms they are built from). */
const ATOMS = new Map<string, UnitPart[]>(Object.entries({
    M: [{ kind: 'mole', exponent: 1, scale: 0, multiplier: 1 }, { kind: 'litre', exponent: -1, scale: 0, multiplier: 1 }],
    mM: [{ kind: 'mole', exponent: 1, scale: -3, multiplier: 1 }, { kind: 'litre', exponent: -1, scale: 0, multiplier: 1 }],
    uM: [{ kind: 'mole', exponent: 1, scale: -6, multiplier: 1 }, { kind: 'litre', exponent: -1, scale: 0, multiplier: 1 }],
    nM: [{ kind: 'mole', exponent: 1, scale: -9, multiplier: 1 }, { kind: 'litre', exponent: -1, scale: 0, multiplier: 1 }],
    mol: [{ kind: 'mole', exponent: 1, scale: 0, multiplier: 1 }],
    umol: [{ kind: 'mole', exponent: 1, scale: -6, multiplier: 1 }],
    g: [{ kind: 'gram', exponent: 1, scale: 0, multiplier: 1 }],
    L: [{ kind: 'litre', exponent: 1, scale: 0, multiplier: 1 }],
    s: [{ kind: 'second', exponent: 1, scale: 0, multiplier: 1 }],
    min: [{ kind: 'second', exponent: 1, scale: 0, multiplier: 60 }],
    h: [{ kind: 'second', exponent: 1, scale: 0, multiplier: 3600 }],
    '1': [{ kind: 'dimensionless', exponent: 1, scale: 0, multiplier: 1 }]
}));

/** SBML unit kinds, which a unit definition's id may not reuse. */
const RESERVED = new Set(['ampere', 'avogadro', 'becquerel', 'candela', 'coulomb', 'dimensionless', 'farad', 'gram', 'gray', 'henry',
    'hertz', 'item', 'joule', 'katal', 'kelvin', 'kilogram', 'litre', 'lumen', 'lux', 'metre', 'mole', 'newton', 'ohm', 'pascal',
    'radian', 'second', 'siemens', 'sievert', 'steradian', 'tesla', 'volt', 'watt', 'weber']);

/** A Cascade base unit (`uM/min`, `/(uM*min)`, `g/L`, …) as an SBML unit definition; undefined when an atom is unknown. */
export function unitDefinition(unit: string): { id: string; element: XmlNode } | undefined {
    const parts: UnitPart[] = [];
    const tokens = unit.match(/[A-Za-z]+|\d+|[/*()^-]/g) ?? [];
    let sign = 1;
    const stack: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        if (token === '/') { sign = -(stack.at(-1) ?? 1); continue; }
        if (token === '*') { sign = stack.at(-1) ?? 1; continue; }
        if (token === '(') { stack.push(sign); continue; }
        if (token === ')') { stack.pop(); sign = stack.at(-1) ?? 1; continue; }
        const atom = ATOMS.get(token);
        if (!atom) return undefined;
        let power = 1;
        if (tokens[i + 1] === '^') {
            const negative = tokens[i + 2] === '-';
            power = Number(tokens[i + (negative ? 3 : 2)]) * (negative ? -1 : 1);
            i += negative ? 3 : 2;
        }
        for (const part of atom) parts.push({ ...part, exponent: part.exponent * power * sign });
    }
    if (parts.length === 0) return undefined;
    const id = unit === '1' ? 'dimensionless_unit' : unit.replace(/\//g, '_per_').replace(/[*()^]/g, '_').replace(/-/g, 'm').replace(/_+/g, '_').replace(/^_|_$/g, '');
    const safe = RESERVED.has(id) ? `${id}_unit` : /^\d/.test(id) ? `u${id}` : id;
    return {
        id: safe,
        element: node('unitDefinition', { id: safe }, node('listOfUnits', {}, ...parts.map(p =>
            node('unit', { kind: p.kind, exponent: p.exponent, scale: p.scale, multiplier: p.multiplier }))))
    };
}
