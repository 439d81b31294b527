import { COMMANDS_HELP, optionNames, UsageError } from '../usage.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;

/** `cascade completion bash|zsh|fish`: a completion script for commands, their options and .cascade files. */
export async function completion(args: string[]): Promise<number> {
    const shell = args[0];
    if (args.length !== 1 || !(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`completion needs one shell: ${SHELLS.join(', ')}`);
    process.stdout.write(script(shell as typeof SHELLS[number]));
    return 0;
}

function script(shell: typeof SHELLS[number]): string {
    const commands = Object.keys(COMMANDS_HELP);
    if (shell === 'fish') {
        return [
            'complete -c cascade -f',
            ...commands.map(name => `complete -c cascade -n __fish_use_subcommand -a ${name} -d ${quoteFish(COMMANDS_HELP[name].summary)}`),
            ...commands.flatMap(name => optionNames(name).filter(flag => flag.startsWith('--'))
                .map(flag => `complete -c cascade -n '__fish_seen_subcommand_from ${name}' -l ${flag.slice(2)}`)),
            `complete -c cascade -n 'not __fish_use_subcommand' -F`
        ].join('\n') + '\n';
    }
    const cases = commands.map(name => `        ${name}) options="${optionNames(name).join(' ')}" ;;`).join('\n');
    const bash = `_cascade() {
    local current=\${COMP_WORDS[COMP_CWORD]} options
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=( $(compgen -W "${commands.join(' ')} --help --version" -- "$current") )
        return
    fi
    case \${COMP_WORDS[1]} in
${cases}
    esac
    if [[ $current == -* ]]; then
        COMPREPLY=( $(compgen -W "$options" -- "$current") )
    else
        COMPREPLY=( $(compgen -f -- "$current") )
    fi
}
complete -o filenames -F _cascade cascade
`;
    // zsh runs the bash function through its bash-completion layer.
    return shell === 'zsh' ? `autoload -U +X bashcompinit && bashcompinit\n${bash}` : bash;
}

function quoteFish(text: string): string {
    return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
