import { readFileSync } from 'node:fs';
import { nearestNames } from '@neurocascade/language/edit-distance';
import { commandUsage, COMMANDS_HELP, InputError, USAGE, UsageError } from './usage.js';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command> | Command> = {
    // Each command is loaded when it runs: `--help` loads none of them.
    check: async () => (await import('./commands/check.js')).check,
    format: async () => (await import('./commands/format.js')).format,
    lsp: async () => (await import('./commands/lsp.js')).lsp,
    completion: async () => (await import('./commands/completion.js')).completion,
    simulate: async () => (await import('./commands/simulate.js')).simulate,
    steady: async () => (await import('./commands/steady.js')).steady,
    cascade: async () => (await import('./commands/cascade.js')).cascade,
    sensitivity: async () => (await import('./commands/sensitivity.js')).sensitivity,
    mca: async () => (await import('./commands/mca.js')).mca,
    scan: async () => (await import('./commands/scan.js')).scan,
    population: async () => (await import('./commands/population.js')).population,
    sobol: async () => (await import('./commands/population.js')).sobol,
    morris: async () => (await import('./commands/population.js')).morris,
    sweep: async () => (await import('./commands/sweep.js')).sweep,
    fit: async () => (await import('./commands/fit.js')).fit,
    import: async () => (await import('./commands/sbml-import.js')).sbmlImport,
    export: async () => (await import('./commands/sbml-export.js')).sbmlExport,
    petab: async () => (await import('./commands/petab.js')).petab,
    diagram: async () => (await import('./commands/diagram.js')).diagram
};

/** Runs one `cascade` command and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
    const [name, ...args] = argv;
    if (name === '--version' || name === '-V') {
        process.stdout.write(`${version()}\n`);
        return 0;
    }
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        const topic = name === 'help' ? args[0] : undefined;
        if (topic && Object.hasOwn(COMMANDS, topic)) process.stdout.write(commandUsage(topic) + '\n');
        else (name ? process.stdout : process.stderr).write(USAGE + '\n');
        return name ? 0 : 2;
    }
    // Own properties only: `cascade constructor` is an unknown command, not Object's constructor.
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) {
        const [nearest] = nearestNames(name, Object.keys(COMMANDS), 1);
        return fail(new UsageError(`unknown command '${name}'${nearest ? `; did you mean '${nearest}'?` : ''}`));
    }
    if (args.includes('--help') || args.includes('-h')) {
        process.stdout.write(commandUsage(name) + '\n');
        return 0;
    }
    try {
        return await (await command())(args);
    } catch (error) {
        return fail(error, name);
    }
}

/** The version of this command-line tool (its package's). */
/** The CLI package's version: its package.json is one folder up from the bundle (dist/), two from tsc's output (out/src/). */
function version(): string {
    for (const path of ['../package.json', '../../package.json']) {
        try {
            const packageJson = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { name?: string; version: string };
            if (packageJson.name === '@neurocascade/cli') return packageJson.version;
        } catch {
            // Not this layout: the other one.
        }
    }
    throw new Error("the CLI's package.json was not found");
}

function fail(error: unknown, command?: string): number {
    if (error instanceof UsageError) {
        const help = command && Object.hasOwn(COMMANDS_HELP, command) ? `cascade ${command} --help` : 'cascade --help';
        process.stderr.write(`cascade: ${error.message}\nRun '${help}' for usage.\n`);
        return 2;
    }
    if (error instanceof InputError) {
        process.stderr.write(`cascade: ${error.message}\n`);
        return 2;
    }
    process.stderr.write(`cascade: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
}
