/**
 * Loaded into a language server under test (`node --import`): a heartbeat on the server's main
 * thread every 10 ms notes how late each beat fires, which is how long the thread was held
 * (plus the machine's scheduling delay). When the process exits, the late beats go to the file
 * named by CASCADE_EVENT_LOOP_LOG as [epoch ms, milliseconds late] pairs.
 */
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const log = process.env.CASCADE_EVENT_LOOP_LOG;
const PERIOD_MS = 10;

if (isMainThread && log) {
    const late: [number, number][] = [];
    let due = performance.now() + PERIOD_MS;
    const beat = () => {
        const now = performance.now();
        if (now - due > 5) late.push([performance.timeOrigin + due, now - due]);
        due = now + PERIOD_MS;
        setTimeout(beat, PERIOD_MS).unref();
    };
    setTimeout(beat, PERIOD_MS).unref();
    process.on('exit', () => writeFileSync(log, JSON.stringify(late)));
}
