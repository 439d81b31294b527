/**
 * A real single-node Slurm for tests (docs/analysis.md#sweeps-on-a-cluster has the recipe):
 * munged, slurmctld and slurmd on localhost, their keys, configuration, spool and logs in a
 * temporary folder, started by `startSlurm` and stopped by their process ids. Slurm 22.05
 * (Debian's slurm-wlm) runs without cgroups here: proctrack/linuxproc, task/none and no
 * cgroup.conf. Anything that keeps it from starting is an error with the reason and the logs.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export interface SlurmCluster {
    /** The environment for Slurm's commands (SLURM_CONF). */
    env: NodeJS.ProcessEnv;
    folder: string;
    stop(): Promise<void>;
}

const REQUIRED = ['munged', 'slurmctld', 'slurmd', 'sinfo', 'sbatch', 'runuser'];

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
        });
    });
}

function userIds(user: string): { uid: number; gid: number } {
    const [uid, gid] = ['-u', '-g'].map(flag => Number(spawnSync('id', [flag, user], { encoding: 'utf8' }).stdout.trim()));
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error(`slurm cannot start: there is no '${user}' user (install munge)`);
    return { uid, gid };
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function exited(child: ChildProcess): Promise<void> {
    return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise(resolve => child.once('exit', () => resolve()));
}

export async function startSlurm(): Promise<SlurmCluster> {
    const missing = REQUIRED.filter(command => spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0);
    if (missing.length > 0) throw new Error(`slurm cannot start: ${missing.join(', ')} not found; install slurm-wlm and munge (.ci/run does)`);
    if (process.getuid?.() !== 0) throw new Error('slurm cannot start: the test runs the daemons as root (SlurmUser=root), and this process is not root');
    const folder = mkdtempSync('/tmp/cascade-slurm-');
    // munged refuses a socket folder others cannot reach, and runs as the munge user.
    chmodSync(folder, 0o755);
    const munge = path.join(folder, 'munge');
    mkdirSync(munge, { mode: 0o755 });
    for (const sub of ['state', 'spool', 'log']) mkdirSync(path.join(folder, sub));
    const { uid, gid } = userIds('munge');
    chownSync(munge, uid, gid);
    const key = path.join(munge, 'munge.key');
    writeFileSync(key, randomBytes(1024), { mode: 0o400 });
    chownSync(key, uid, gid);
    const socket = path.join(munge, 'munge.socket');
    const [controllerPort, nodePort] = [await freePort(), await freePort()];
    const host = hostname();
    const conf = path.join(folder, 'slurm.conf');
    writeFileSync(conf, [
        'ClusterName=cascadetest',
        `SlurmctldHost=${host}(127.0.0.1)`,
        `SlurmctldPort=${controllerPort}`, `SlurmdPort=${nodePort}`,
        'SlurmUser=root', 'SlurmdUser=root',
        'AuthType=auth/munge', `AuthInfo=socket=${socket}`, 'CredType=cred/munge',
        `StateSaveLocation=${folder}/state`, `SlurmdSpoolDir=${folder}/spool`,
        `SlurmctldPidFile=${folder}/slurmctld.pid`, `SlurmdPidFile=${folder}/slurmd.pid`,
        `SlurmctldLogFile=${folder}/log/slurmctld.log`, `SlurmdLogFile=${folder}/log/slurmd.log`,
        'ProctrackType=proctrack/linuxproc', 'TaskPlugin=task/none', 'ReturnToService=2',
        'SchedulerType=sched/backfill', 'SelectType=select/cons_tres', 'SelectTypeParameters=CR_Core',
        'MpiDefault=none', 'JobCompType=jobcomp/none', 'AccountingStorageType=accounting_storage/none',
        `NodeName=${host} NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN`,
        `PartitionName=debug Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
        ''
    ].join('\n'));
    const env = { ...process.env, SLURM_CONF: conf };
    const children: ChildProcess[] = [];
    const start = (command: string, args: string[], log: string) => {
        const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
        const output: Buffer[] = [];
        child.stdout!.on('data', (chunk: Buffer) => output.push(chunk));
        child.stderr!.on('data', (chunk: Buffer) => output.push(chunk));
        child.once('exit', () => writeFileSync(path.join(folder, 'log', log), Buffer.concat(output)));
        children.push(child);
        return child;
    };
    const mungePid = path.join(munge, 'munged.pid');
    const stop = async () => {
        // By process id only: the daemons started here, the newest first.
        for (const child of [...children].reverse()) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        if (existsSync(mungePid)) {
            try { process.kill(Number(readFileSync(mungePid, 'utf8').trim()), 'SIGTERM'); } catch { /* already gone */ }
        }
        await Promise.race([Promise.all(children.map(exited)), sleep(10_000)]);
        for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        rmSync(folder, { recursive: true, force: true });
    };
    const logs = () => ['slurmctld.log', 'slurmd.log', 'slurmctld.out', 'slurmd.out', 'munged.out']
        .map(name => path.join(folder, 'log', name)).filter(existsSync)
        .map(file => `--- ${path.basename(file)}\n${readFileSync(file, 'utf8').split('\n').slice(-15).join('\n')}`).join('\n');
    try {
        start('runuser', ['-u', 'munge', '--', 'munged', '-F', `--key-file=${key}`, `--socket=${socket}`, `--pid-file=${mungePid}`,
            `--log-file=${munge}/munged.log`, `--seed-file=${munge}/munged.seed`], 'munged.out');
        for (let waited = 0; !existsSync(socket); waited += 100) {
            if (waited > 15_000) throw new Error('munged did not create its socket within 15 s');
            await sleep(100);
        }
        start('slurmctld', ['-D', '-f', conf], 'slurmctld.out');
        start('slurmd', ['-D', '-f', conf], 'slurmd.out');
        for (let waited = 0; ; waited += 500) {
            const sinfo = spawnSync('sinfo', ['--noheader', '--format=%T'], { env, encoding: 'utf8' });
            if (sinfo.stdout.trim() === 'idle') break;
            if (children.some(child => child.exitCode !== null)) throw new Error('a daemon exited');
            if (waited > 60_000) throw new Error(`the node is not idle after 60 s (sinfo: '${sinfo.stdout.trim() || sinfo.stderr.trim()}')`);
            await sleep(500);
        }
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        await sleep(200);
        const text = logs();
        await stop();
        throw new Error(`slurm cannot start: ${reason}\n${text}`);
    }
    return { env, folder, stop };
}
