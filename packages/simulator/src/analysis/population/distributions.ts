/**
 * A varied property's value from a uniform number u in (0, 1), by inverse transform
 * sampling (docs/reference.md#populations). `truncated` conditions the distribution on the
 * property's valid range: u is mapped into [F(0), 1) before the inverse, so every draw is
 * used and a member's value still depends on its own draw alone.
 */
import type { PopulationDistribution, PopulationVary } from '../../ir.js';
import { propertyRange, type PropertyRange } from '../../model/property-ranges.js';
import { normalCdf, normalQuantile } from './normal-distribution.js';

/** σ of ln X for a lognormal of coefficient of variation cv: CV² = e^(σ²) − 1. */
export const lognormalSigma = (cv: number) => Math.sqrt(Math.log1p(cv * cv));

/** The standard deviation of a normal in the property's units. */
const normalSd = (d: Extract<PopulationDistribution, { kind: 'normal' }>, base: number) => (d.relative ? d.sd * Math.abs(base) : d.sd);

/** The value at quantile u of the distribution (untruncated), and its distribution function. */
function quantileOf(d: PopulationDistribution, base: number, u: number): number {
    switch (d.kind) {
        case 'lognormal': return base * Math.exp(lognormalSigma(d.cv) * normalQuantile(u));
        case 'normal': return base + normalSd(d, base) * normalQuantile(u);
        case 'uniform': return d.from + u * (d.to - d.from);
    }
}

function cdfOf(d: PopulationDistribution, base: number, x: number): number {
    switch (d.kind) {
        case 'lognormal': return x <= 0 ? 0 : normalCdf(Math.log(x / base) / lognormalSigma(d.cv));
        case 'normal': return normalCdf((x - base) / normalSd(d, base));
        case 'uniform': return Math.min(1, Math.max(0, (x - d.from) / (d.to - d.from)));
    }
}

/** The range a varied property's values must lie in: a species' own value is a concentration. */
export function rangeOf(vary: PopulationVary, isSpecies: boolean): PropertyRange {
    return propertyRange(vary.property === 'value' && isSpecies ? 'concentration' : vary.property);
}

export function inRange(x: number, range: PropertyRange): boolean {
    return Number.isFinite(x) && (range === 'positive' ? x > 0 : range === 'non-negative' ? x >= 0 : true);
}

/** The member's value for draw u; the caller checks it against the range (a truncated value is inside it but for rounding). */
export function drawnValue(vary: PopulationVary, base: number, u: number, range: PropertyRange): number {
    const d = vary.distribution;
    if (!vary.truncated || range === 'any') return quantileOf(d, base, u);
    const below = cdfOf(d, base, 0);
    const x = quantileOf(d, base, below + u * (1 - below));
    // At the edge (u → 0 with a positive range) rounding may land on 0 itself: take the smallest value inside.
    return range === 'positive' && !(x > 0) ? Number.MIN_VALUE : Math.max(0, x);
}
