import cliProgress from 'cli-progress';

/**
 * A progress bar on stderr for runs that last over a second; silent when stderr is not a
 * terminal (pipes, CI). Returns the callback to pass as `onProgress` and a `stop`.
 */
export function progressBar(label: string): { onProgress: (fraction: number) => void; stop: () => void } {
    if (!process.stderr.isTTY) return { onProgress: () => undefined, stop: () => undefined };
    const started = Date.now();
    let bar: cliProgress.SingleBar | undefined;
    return {
        onProgress: fraction => {
            if (!bar && Date.now() - started < 1000) return;
            if (!bar) {
                bar = new cliProgress.SingleBar({ stream: process.stderr, format: `${label} [{bar}] {percentage}% | {duration}s`, hideCursor: true }, cliProgress.Presets.shades_classic);
                bar.start(100, 0);
            }
            bar.update(Math.round(fraction * 100));
        },
        stop: () => bar?.stop()
    };
}
