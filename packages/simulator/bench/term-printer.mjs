// The simulator's resolved terms (src/model/terms.ts) printed as Python or C, so SciPy and
// CVODE integrate exactly the equations our generated JavaScript does. Numbers are printed
// in their shortest round-trip form (the same double in every language); a slot p[i] is
// printed as its current value, since slots are constants during a run; intermediates
// and Jacobian temporaries become w[i] and g[i], time t.

/** The shortest decimal that reads back as the same double (JavaScript, Python and C agree on it). */
function exactNumber(v, dialect) {
    if (Number.isNaN(v)) return dialect.nan;
    if (!Number.isFinite(v)) return v > 0 ? dialect.infinity : `(-${dialect.infinity})`;
    const text = String(v);
    return v < 0 ? `(${text})` : text;
}

const FUNCTIONS = ['exp', 'ln', 'log10', 'sqrt', 'abs', 'floor', 'ceil', 'sin', 'cos'];

export const PYTHON = {
    nan: 'math.nan',
    infinity: 'math.inf',
    // Intermediates and temporaries are locals (w12, g3); the state is a list.
    ref: (space, i) => (space === 'y' ? `y[${i}]` : `${space}${i}`),
    functions: Object.fromEntries(FUNCTIONS.map(f => [f, `math.${f === 'ln' ? 'log' : f === 'abs' ? 'fabs' : f}`])),
    min: 'min', max: 'max',
    // `**` of a negative base and a fractional exponent is complex in Python; math.pow raises.
    // `npow` (in the generated module) returns NaN there, as JavaScript and C do.
    pow: (a, b, integral) => (integral ? `(${a} ** ${b})` : `npow(${a}, ${b})`),
    ifThen: (c, a, b) => `(${a} if ${c} else ${b})`,
    and: ' and ', or: ' or ', not: c => `(not ${c})`,
    equal: '==', notEqual: '!=',
    asNumber: c => `(1.0 if ${c} else 0.0)`
};

export const C = {
    nan: 'NAN',
    infinity: 'INFINITY',
    ref: (space, i) => `${space}[${i}]`,
    functions: Object.fromEntries(FUNCTIONS.map(f => [f, f === 'ln' ? 'log' : f === 'abs' ? 'fabs' : f])),
    min: 'fmin', max: 'fmax',
    pow: (a, b) => `pow(${a}, ${b})`,
    ifThen: (c, a, b) => `(${c} ? ${a} : ${b})`,
    and: ' && ', or: ' || ', not: c => `(!${c})`,
    equal: '==', notEqual: '!=',
    asNumber: c => `((double)${c})`
};

/** Prints terms in one dialect; `slots` holds the p values. */
export function termPrinter(dialect, slots) {
    const num = v => exactNumber(v, dialect);
    const condition = t => {
        switch (t.k) {
            case 'cmp': {
                const op = t.op === '==' ? dialect.equal : t.op === '!=' ? dialect.notEqual : t.op;
                return `(${expression(t.a)} ${op} ${expression(t.b)})`;
            }
            case 'and': case 'or': return `(${condition(t.a)}${dialect[t.k]}${condition(t.b)})`;
            case 'not': return dialect.not(condition(t.a));
            default: return `(${expression(t)} != 0)`;
        }
    };
    const expression = t => {
        switch (t.k) {
            case 'num': return num(t.v);
            case 'ref': return t.space === 'p' ? num(slots[t.i]) : dialect.ref(t.space, t.i);
            case 't': return 't';
            case 'sum': return '(' + t.terms.map((u, n) =>
                u.k === 'neg' ? ` - ${expression(u.a)}` : (n === 0 ? '' : ' + ') + expression(u)).join('') + ')';
            case 'neg': return `(-${expression(t.a)})`;
            case 'mul': return `(${expression(t.a)} * ${expression(t.b)})`;
            case 'div': return `(${expression(t.a)} / ${expression(t.b)})`;
            case 'pow': {
                const a = expression(t.a);
                if (t.b.k === 'num' && t.b.v === 2 && (t.a.k === 'ref' || t.a.k === 't')) return `(${a} * ${a})`;
                return dialect.pow(a, expression(t.b), t.b.k === 'num' && Number.isInteger(t.b.v));
            }
            case 'fn': return `${dialect.functions[t.f]}(${expression(t.a)})`;
            case 'min': case 'max': return `${dialect[t.k]}(${expression(t.a)}, ${expression(t.b)})`;
            case 'if': return dialect.ifThen(condition(t.c), expression(t.a), expression(t.b));
            case 'cmp': case 'and': case 'or': case 'not': return dialect.asNumber(condition(t));
            default: throw new TypeError(`unknown term kind ${t.k}`);
        }
    };
    return expression;
}
