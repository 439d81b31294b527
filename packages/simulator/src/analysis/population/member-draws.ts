/**
 * Counter-based random numbers: draw k of run i of a job with a seed is a hash of (seed,
 * stream, i, k) alone, so a run's values are the same whichever worker, shard or order
 * computes it (docs/analysis.md#populations). The mixer is an avalanche hash of 32-bit words
 * (xor-shift and odd multiplications); two words make one double of 53 random bits.
 */

/** Which sequence of draws: members of a population, the shift of the Sobol design, Morris starts. */
export const enum Stream { Members = 0, SobolShift = 1, MorrisStart = 2 }

function mix(x: number): number {
    x ^= x >>> 16;
    x = Math.imul(x, 0x7feb352d);
    x ^= x >>> 15;
    x = Math.imul(x, 0x846ca68b);
    x ^= x >>> 16;
    return x >>> 0;
}

function word(seed: number, stream: Stream, i: number, k: number): number {
    let h = mix(seed ^ 0x9e3779b9);
    h = mix(h ^ stream);
    h = mix((h + Math.floor(i / 0x100000000)) ^ (i >>> 0));
    return mix(h ^ k);
}

/** A uniform number strictly inside (0, 1): the k-th draw of run i. */
export function uniformDraw(seed: number, stream: Stream, i: number, k: number): number {
    const high = word(seed, stream, i, 2 * k) >>> 5;
    const low = word(seed, stream, i, 2 * k + 1) >>> 6;
    return (high * 67108864 + low + 0.5) / 9007199254740992;
}
