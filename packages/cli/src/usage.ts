/** Bad command-line usage: one line, then a hint to the command's help; exit code 2. */
export class UsageError extends Error {}

/** Input that cannot be read (missing file, unreadable folder): exit code 2. */
export class InputError extends Error {}

/** One command's help: how it is called, what it does, and each option. */
export interface CommandHelp {
    synopsis: string;
    summary: string;
    options: readonly (readonly [flag: string, text: string])[];
}

const SOLVER_HELP = [
    ['--method auto|rk45|stiff|bdf', 'the integrator (auto: stiff when the model is stiff)'],
    ['--rtol x', 'relative tolerance'],
    ['--atol x', 'absolute tolerance']
] as const;

const HELP_OPTION = ['--help, -h', 'this help'] as const;

const UNITS_HELP = ['--units display|base', "values in the author's units (default: the unit written for each quantity, else a readable prefix) or in base units"] as const;

/** Every command, in the order `cascade --help` lists them; completions are made from it too. */
export const COMMANDS_HELP: Readonly<Record<string, CommandHelp>> = {
    check: {
        synopsis: 'check <files or folders…> [--format human|json] [--simulate]',
        summary: 'check models; exit 1 when any has an error (or a failed expect with --simulate)',
        options: [['--format human|json', 'one line per diagnostic, or one JSON array'], ['--simulate', 'also run every scenario and report each failed expect'], HELP_OPTION]
    },
    format: {
        synopsis: 'format [--check] <files…>',
        summary: 'rewrite files in the canonical layout',
        options: [['--check', 'only report files that differ (exit 1 if any)'], HELP_OPTION]
    },
    simulate: {
        synopsis: 'simulate <file> [--scenario S[,S2…]] [--observe a,b] [--format csv|json] [--units display|base] [--out F]',
        summary: 'run a scenario and print its time courses (CSV by default)',
        options: [
            ['--scenario S,S2', 'the scenarios to run (default: the first); several are reported side by side (CSV columns \'S: X\', or a JSON array)'],
            ['--observe a,b', 'these quantities, in this order: any species, parameter, rule or observable of the model'],
            ['--format csv|json', 'output format (default csv)'], UNITS_HELP, ['--out F', 'write to F (whole or not at all) instead of stdout'],
            ...SOLVER_HELP, HELP_OPTION
        ]
    },
    steady: {
        synopsis: 'steady <file> [--scenario S[,S2…]] [--observe a,b] [--format table|json|csv] [--units display|base] [--out F]',
        summary: 'the steady state of every species, flux (E.rate), rule and observable (several scenarios side by side)',
        options: [
            ['--scenario S,S2', 'one or more scenarios (default: the first); several are reported side by side'],
            ['--observe a,b', 'only these quantities: any species, parameter, rule or observable of the model'],
            ['--format table|json|csv', 'output format (default table)'], UNITS_HELP, ['--out F', 'write to F instead of stdout'],
            ...SOLVER_HELP, HELP_OPTION
        ]
    },
    cascade: {
        synopsis: 'cascade <file> [--name C] [--format table|json|csv] [--units display|base] [--out F]',
        summary: "every perturbation's responses of a cascade (run in parallel)",
        options: [
            ['--name C', 'the cascade to run; required when the file declares several'],
            ['--format table|json|csv', 'output format (default table)'], UNITS_HELP, ['--out F', 'write to F instead of stdout'],
            ...SOLVER_HELP, HELP_OPTION
        ]
    },
    sensitivity: {
        synopsis: 'sensitivity <file> [--scenario S] [--of X,E.rate] [--wrt E.vmax,k1,X.initial] [--time-course] [--format table|json|csv] [--out F]',
        summary: 'exact response coefficients of quantities to parameters at steady state (--time-course: along the run)',
        options: [
            ['--scenario S', 'the scenario whose steady state (or run) is analysed (default: the first)'],
            ['--of X,E.rate', 'the quantities (default: every species, flux, rule and observable)'],
            ['--wrt E.vmax,k1,X.initial', 'the parameters (default: every numeric property); X.initial: the initial value of X'],
            ['--time-course', "sensitivities along the scenario's time course instead of at steady state"],
            ['--format table|json|csv', 'output format (default: table on a terminal)'], ['--out F', 'write to F instead of stdout'],
            ...SOLVER_HELP, HELP_OPTION
        ]
    },
    mca: {
        synopsis: 'mca <file> [--scenario S] [--format table|json|csv] [--out F]',
        summary: 'elasticities, flux and concentration control coefficients at steady state',
        options: [
            ['--scenario S', 'the scenario (default: the first)'],
            ['--format table|json|csv', 'output format (default: table on a terminal)'], ['--out F', 'write to F instead of stdout'],
            ...SOLVER_HELP, HELP_OPTION
        ]
    },
    scan: {
        synopsis: 'scan <file> [--name S] [--format table|json|csv] [--units display|base] [--out F]',
        summary: 'a declared scan: dose–response (with a Hill fit and folds) or a 2-D grid',
        options: [
            ['--name S', 'the scan to run; required when the file declares several'],
            ['--format table|json|csv', 'output format (default: table on a terminal)'], UNITS_HELP, ['--out F', 'write to F instead of stdout'],
            ...SOLVER_HELP, HELP_OPTION
        ]
    },
    population: {
        synopsis: 'population <file> [--name P] [--workers N] [--format json|csv|table] [--members] [--out F]',
        summary: 'a declared population: the 5/25/50/75/95 % percentiles of each measured quantity',
        options: [
            ['--name P', 'the population to run; required when the file declares several'],
            ['--workers N', 'worker threads (default: the number of cores); the result is the same for any N'],
            ['--format json|csv|table', 'output format (default: json)'], ['--members', 'also each member\'s values (json)'],
            ['--out F', 'write to F instead of stdout'], ...SOLVER_HELP, HELP_OPTION
        ]
    },
    sobol: {
        synopsis: 'sobol <file> --name P [--of Y,…] [--workers N] [--format table|json|csv] [--out F]',
        summary: "Sobol first- and total-order indices over a population's distributions (size rows × (d + 2) runs)",
        options: [
            ['--name P', 'the population whose distributions are used'], ['--of Y,…', 'only these measured quantities'],
            ['--workers N', 'worker threads (default: the number of cores)'],
            ['--format table|json|csv', 'output format (default: table)'], ['--out F', 'write to F instead of stdout'], ...SOLVER_HELP, HELP_OPTION
        ]
    },
    morris: {
        synopsis: 'morris <file> --name P [--of Y,…] [--workers N] [--format table|json|csv] [--out F]',
        summary: "Morris elementary effects (μ*, μ, σ) over a population's distributions (size trajectories × (d + 1) runs)",
        options: [
            ['--name P', 'the population whose distributions are used'], ['--of Y,…', 'only these measured quantities'],
            ['--workers N', 'worker threads (default: the number of cores)'],
            ['--format table|json|csv', 'output format (default: table)'], ['--out F', 'write to F instead of stdout'], ...SOLVER_HELP, HELP_OPTION
        ]
    },
    sweep: {
        synopsis: 'sweep run|merge|submit|status …',
        summary: 'a population, Sobol or Morris job split into shards, run anywhere (Slurm, Kubernetes) and merged',
        options: [
            ['run <file> --name P --shard i/N --out DIR', 'run shard i of N into DIR (a file named by a hash of model, job and shard; a repeat does nothing)'],
            ['merge DIR [-o F] [--members]', "combine the shards: the same bytes as 'cascade population|sobol|morris --format json'"],
            ['submit <file> --name P --slurm|--kubernetes [--shards N] --out DIR', 'write (and with --slurm submit) an sbatch job array, or a Kubernetes Indexed Job (sweep-job.json)'],
            ['status DIR', 'the shards done and missing (exit 1 while any is missing)'],
            ['--analysis population|sobol|morris', 'the job (default: population)'],
            ['--no-submit', 'with --slurm: write the script only'],
            ['--image I, --claim C, --parallelism K', 'with --kubernetes: the container image, the volume claim holding model and DIR, pods at once'],
            ['--cascade "CMD"', 'how the nodes start the CLI (default: this node and script for Slurm, cascade for Kubernetes)'],
            HELP_OPTION
        ]
    },
    fit: {
        synopsis: 'fit <file> [--name F] [--starts N] [--seed S] [--write] [--format table|json] [--out F]',
        summary: 'a declared fit: estimates by weighted least squares, 95 % profile-likelihood intervals, the Fisher-information check',
        options: [
            ['--name F', 'the fit to run; required when the file declares several'],
            ['--starts N', "optimiser starts: the model's values, then Latin-hypercube points (default 5)"],
            ['--seed S', 'seed of the Latin hypercube (default 1): the same seed gives the same result'],
            ['--write', 'write the fitted values into the model file, in the units written there'],
            ['--format table|json', 'output format (default: table on a terminal)'], UNITS_HELP, ['--out F', 'write to F instead of stdout'],
            ...SOLVER_HELP, HELP_OPTION
        ]
    },
    import: {
        synopsis: 'import <model.xml> [-o model.cascade]',
        summary: 'translate an SBML model to a Cascade file',
        options: [['--out, -o F', 'the file to write (default: beside the SBML file)'], HELP_OPTION]
    },
    export: {
        synopsis: 'export <model.cascade> --sbml [-o model.xml]',
        summary: 'translate a model to SBML Level 3 Version 2',
        options: [['--sbml', 'the format (the only one)'], ['--out, -o F', 'write to F instead of stdout'], HELP_OPTION]
    },
    petab: {
        synopsis: 'petab export <file> [--name F] --out DIR | petab import <problem.yaml> [-o out.cascade]',
        summary: 'a fit as a PEtab v1 problem (tables, SBML model, YAML), or a PEtab problem as a Cascade file',
        options: [
            ['--name F', 'export: the fit (required when the file declares several)'], ['--out, -o DIR|F', 'export: the folder to write; import: the file (default: beside the YAML)'],
            HELP_OPTION
        ]
    },
    diagram: {
        synopsis: 'diagram <file> [-o out.svg] [--cascade C [--perturbation P]]',
        summary: 'the reaction network as an SVG (with --cascade: nodes coloured by their response)',
        options: [
            ['--out, -o F', 'write to F instead of stdout'], ['--cascade C', 'colour nodes by their response in this cascade'],
            ['--perturbation P', 'the perturbation of the cascade to show (default: the first)'], ...SOLVER_HELP, HELP_OPTION
        ]
    },
    completion: {
        synopsis: 'completion bash|zsh|fish',
        summary: 'a shell completion script, e.g. `source <(cascade completion bash)`',
        options: [HELP_OPTION]
    },
    lsp: {
        synopsis: 'lsp --stdio',
        summary: 'the language server over stdio (Neovim, Emacs, Helix, …)',
        options: [['--stdio', 'the transport (the only one)'], HELP_OPTION]
    }
};

export const USAGE = `Usage: cascade <command> [options]

Commands:
${Object.values(COMMANDS_HELP).map(help => `  ${help.synopsis}\n      ${help.summary}`).join('\n')}

Run 'cascade <command> --help' for a command's options; 'cascade --version' prints the version.
Exit codes: 0 success, 1 errors found, 2 bad usage or unreadable input.
The language: docs/reference.md.`;

export function commandUsage(name: string): string {
    const help = COMMANDS_HELP[name];
    const width = Math.max(...help.options.map(([flag]) => flag.length));
    return `Usage: cascade ${help.synopsis}\n\n${help.summary}\n\nOptions:\n${help.options.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`).join('\n')}`;
}

/** The long option names of a command, for completions. */
export function optionNames(name: string): string[] {
    return COMMANDS_HELP[name].options.flatMap(([flag]) => flag.split(/[ ,]+/).filter(word => word.startsWith('-')));
}
