/** Levenshtein distance: insertions, deletions and substitutions each cost one. */
export function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}

/** Names within about a third of `name`'s length of it, nearest first. */
export function nearestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
    const allowed = Math.max(1, Math.round(name.length / 3));
    return [...new Set(candidates)]
        .filter(candidate => candidate !== name)
        .map(candidate => ({ candidate, distance: editDistance(name, candidate) }))
        .filter(({ distance }) => distance <= allowed)
        .sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate))
        .slice(0, limit)
        .map(({ candidate }) => candidate);
}
