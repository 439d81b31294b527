/**
 * What `cascade sweep submit` writes for a cluster (docs/analysis.md#sweeps-on-a-cluster): a
 * Slurm job array whose task i runs shard i/N, or a Kubernetes Indexed Job whose pod of
 * completion index i does. Both run the same `cascade sweep run` command.
 */

/** A word for a POSIX shell, quoted unless it is plainly safe. */
export function shellWord(word: string): string {
    return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface ShardCommand {
    /** How to start the CLI: e.g. [node, /path/to/bin/cascade.js] or ['cascade']. */
    cascade: readonly string[];
    file: string;
    name: string;
    analysis: string;
    /** What else the job needs (a fit's --starts and --seed). */
    options: readonly string[];
    out: string;
    shards: number;
}

/** The `cascade sweep run` command with the shard index left to the shell variable `index`. */
function runCommand(c: ShardCommand, index: string): string {
    const words = [...c.cascade, 'sweep', 'run', c.file, '--name', c.name, '--analysis', c.analysis, ...c.options, '--out', c.out].map(shellWord);
    return `${words.join(' ')} --shard "$${index}/${c.shards}"`;
}

export function slurmScript(c: ShardCommand, jobName: string): string {
    return [
        '#!/bin/sh',
        `#SBATCH --job-name=${jobName}`,
        `#SBATCH --array=0-${c.shards - 1}`,
        '#SBATCH --ntasks=1',
        '#SBATCH --cpus-per-task=1',
        `#SBATCH --output=${c.out}/slurm-%A_%a.out`,
        '# Each task writes one shard file; a task run again finds its file and stops.',
        'set -eu',
        `exec ${runCommand(c, 'SLURM_ARRAY_TASK_ID')}`,
        ''
    ].join('\n');
}

export interface KubernetesOptions {
    image: string;
    /** A PersistentVolumeClaim mounted at `workingDir`, which holds the model and the output folder. */
    claim: string;
    workingDir: string;
    /** Pods at once. */
    parallelism: number;
}

/** A batch/v1 Indexed Job (as JSON, which kubectl reads as YAML). */
export function kubernetesJob(c: ShardCommand, jobName: string, o: KubernetesOptions): object {
    return {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: jobName, labels: { app: 'neurocascade-sweep' } },
        spec: {
            completionMode: 'Indexed',
            completions: c.shards,
            parallelism: Math.min(o.parallelism, c.shards),
            // A failed index is retried on its own; a repeated one finds its shard file and stops.
            backoffLimitPerIndex: 2,
            template: {
                metadata: { labels: { app: 'neurocascade-sweep' } },
                spec: {
                    restartPolicy: 'Never',
                    containers: [{
                        name: 'sweep',
                        image: o.image,
                        workingDir: o.workingDir,
                        command: ['sh', '-c', runCommand(c, 'JOB_COMPLETION_INDEX')],
                        resources: { requests: { cpu: '1' }, limits: { cpu: '1' } },
                        volumeMounts: [{ name: 'work', mountPath: o.workingDir }]
                    }],
                    volumes: [{ name: 'work', persistentVolumeClaim: { claimName: o.claim } }]
                }
            }
        }
    };
}
