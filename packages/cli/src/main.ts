import { check } from './commands/check.js';
import { format } from './commands/format.js';
import { lsp } from './commands/lsp.js';
import { InputError, USAGE, UsageError } from './usage.js';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command> | Command> = {
    check: () => check,
    format: () => format,
    lsp: () => lsp,
    simulate: async () => (await import('./commands/simulate.js')).simulate,
    steady: async () => (await import('./commands/steady.js')).steady,
    cascade: async () => (await import('./commands/cascade.js')).cascade,
    import: async () => (await import('./commands/sbml-import.js')).sbmlImport,
    export: async () => (await import('./commands/sbml-export.js')).sbmlExport,
    diagram: async () => (await import('./commands/diagram.js')).diagram
};

/** Runs one `cascade` command and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
    const [name, ...args] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        (name ? process.stdout : process.stderr).write(USAGE + '\n');
        return name ? 0 : 2;
    }
    // Own properties only: `cascade constructor` is an unknown command, not Object's constructor.
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) return fail(new UsageError(`unknown command '${name}'`));
    try {
        return await (await command())(args);
    } catch (error) {
        return fail(error);
    }
}

function fail(error: unknown): number {
    if (error instanceof UsageError) {
        process.stderr.write(`cascade: ${error.message}\n\n${USAGE}\n`);
        return 2;
    }
    if (error instanceof InputError) {
        process.stderr.write(`cascade: ${error.message}\n`);
        return 2;
    }
    process.stderr.write(`cascade: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
}
