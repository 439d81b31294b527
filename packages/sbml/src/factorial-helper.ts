import type { Expr } from '@neurocascade/simulator';
import { binary, call, num } from './expression-building.js';

/** Lanczos series for ln Γ (Numerical Recipes 3rd ed., `gammln`, g = 671/128): about 1e-15 relative. */
const SERIES = [
    57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199, 0.339946499848118887e-4,
    0.465236289270485756e-4, -0.983744753048795646e-4, 0.158088703224912494e-3, -0.210264441724104883e-3,
    0.217439618115212643e-3, -0.164318106536763890e-3, 0.844182239838527433e-4, -0.261908384015814087e-4, 0.368991826595316234e-5
];
const SERIES_START = 0.999999999999997092;
const SHIFT = 5.24218750000000000;
const SQRT_TWO_PI = 2.5066282746310005;

/**
 * n! = Γ(n + 1) = exp(ln Γ(n + 1)) written with Cascade's built-ins, for MathML `factorial` of a
 * value only known while simulating (Cascade has no factorial, and functions may not recurse).
 */
export function factorialBody(n: Expr): Expr {
    const x = binary('+', n, num(1));
    const shifted = binary('+', x, num(SHIFT));
    const series = SERIES.reduce<Expr>((sum, c, j) => binary('+', sum, binary('/', num(c), binary('+', x, num(j + 1)))), num(SERIES_START));
    const logGamma = binary('+', binary('-', binary('*', binary('+', x, num(0.5)), call('ln', shifted)), shifted),
        call('ln', binary('/', binary('*', num(SQRT_TWO_PI), series), x)));
    return call('exp', logGamma);
}
