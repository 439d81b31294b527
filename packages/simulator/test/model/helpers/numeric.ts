import assert from 'node:assert/strict';

export function close(actual: number, expected: number, rel = 1e-6, abs = 1e-10, what = ''): void {
    assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected) + abs, `${what}${actual} vs expected ${expected}`);
}

/** Principal branch of Lambert's W for x ≥ 0, by Halley's iteration. */
export function lambertW(x: number): number {
    let w = x < 1 ? x : Math.log(x) - Math.log(Math.log(x) + 1);
    for (let i = 0; i < 50; i++) {
        const e = Math.exp(w), f = w * e - x;
        const step = f / (e * (w + 1) - ((w + 2) * f) / (2 * w + 2));
        w -= step;
        if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(w))) break;
    }
    return w;
}

/** A deterministic pseudo-random generator (tests must not flake). */
export function random(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
        s = (s * 1664525 + 1013904223) >>> 0;
        return s / 2 ** 32;
    };
}
