/**
 * Seeded starting points for a multistart: a Latin hypercube in the box [lower, upper] (each
 * coordinate's range cut into `count` equal strata, one point per stratum, strata paired at
 * random), from a 32-bit generator (mulberry32) so that a seed gives the same points anywhere.
 */

/** Uniform numbers in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let z = state;
        z = Math.imul(z ^ (z >>> 15), z | 1);
        z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
        return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
    };
}

export function latinHypercube(count: number, lower: readonly number[], upper: readonly number[], seed: number): number[][] {
    const random = seededRandom(seed);
    const points = Array.from({ length: count }, () => new Array<number>(lower.length));
    lower.forEach((low, j) => {
        const strata = [...Array(count).keys()];
        for (let k = count - 1; k > 0; k--) {
            const swap = Math.floor(random() * (k + 1));
            [strata[k], strata[swap]] = [strata[swap], strata[k]];
        }
        strata.forEach((stratum, k) => { points[k][j] = low + ((stratum + random()) / count) * (upper[j] - low); });
    });
    return points;
}
