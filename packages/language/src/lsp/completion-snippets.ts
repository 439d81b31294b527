import { BUILTIN_FUNCTIONS, TIME_COURSE_ARGUMENTS } from '@neurocascade/simulator';

/** A skeleton for each declaration, keyed by the keyword it starts with (docs/reference.md). */
export const DECLARATION_SNIPPETS: Readonly<Record<string, { detail: string; body: string }>> = {
    compartment: { detail: 'compartment with a volume', body: 'compartment ${1:name} {\n    volume ${2:1 pL}\n}' },
    precursor: { detail: 'precursor species', body: 'precursor ${1:Name} {\n    initial ${2:50 uM}\n    supply ${3:0.5 uM/min}\n}' },
    cofactor: { detail: 'cofactor species', body: 'cofactor ${1:Name} {\n    initial ${2:1 uM}\n    fixed\n}' },
    intermediate: { detail: 'intermediate species', body: 'intermediate ${1:Name} {\n    initial ${2:0 uM}\n}' },
    transmitter: { detail: 'transmitter species', body: 'transmitter ${1:Name} {\n    initial ${2:0.1 uM}\n    tone ${3|modulatory,excitatory,inhibitory|}\n}' },
    metabolite: { detail: 'metabolite species', body: 'metabolite ${1:Name} {\n    clearance ${2:0.1 /min}\n}' },
    enzyme: {
        detail: 'enzyme with Michaelis–Menten kinetics',
        body: 'enzyme ${1:Name} {\n    converts ${2:Substrate} -> ${3:Product}\n    vmax ${4:1 uM/min}\n    km ${5:10 uM}\n}'
    },
    transporter: { detail: 'saturable transporter', body: 'transporter ${1:Name} {\n    moves ${2:Source} -> ${3:Destination}\n    vmax ${4:1 uM/min}\n    km ${5:1 uM}\n}' },
    release: { detail: 'first-order release', body: 'release ${1:Name} {\n    moves ${2:Source} -> ${3:Destination}\n    rate ${4:0.1 /min}\n}' },
    receptor: {
        detail: 'receptor binding a transmitter',
        body: 'receptor ${1:Name} {\n    binds ${2:Transmitter}\n    kd ${3:10 nM}\n    effect ${4|excitatory,inhibitory,modulatory|}\n}'
    },
    modulator: { detail: 'hormonal modulator', body: 'modulator ${1:Name} {\n    level ${2:10 ug/dL}\n    ${3|increases,decreases|} ${4:Target} ${5:activity} max ${6:40%} ec50 ${7:10 ug/dL}\n}' },
    reaction: { detail: 'reaction with its own rate law', body: 'reaction ${1:Name} {\n    ${2:A} -> ${3:B}\n    rate ${4:0.1 /min * A}\n}' },
    parameter: { detail: 'named constant', body: 'parameter ${1:name} = ${2:1 /min}' },
    rule: { detail: 'assignment rule', body: 'rule ${1:name} = ${2:expression}' },
    function: { detail: 'pure function', body: 'function ${1:name}(${2:x}) = ${3:x}' },
    scenario: { detail: 'simulation scenario', body: 'scenario ${1:Name} {\n    simulate ${2:24 h}\n    observe ${3:Species}\n}' },
    cascade: {
        detail: 'what one upstream change does downstream',
        body: 'cascade ${1:Name} {\n    from ${2:Scenario}\n    perturb ${3:Species} ${4:supply} ${5:+50%}\n    measure ${6:Species}\n    at steady\n}'
    }
};

/** Argument names shown for the positional built-ins. */
const ARGUMENT_NAMES: ReadonlyMap<string, readonly string[]> = new Map(Object.entries({
    hill: ['x', 'k', 'n'], mm: ['x', 'km'], if: ['condition', 'then', 'else'], min: ['a', 'b'], max: ['a', 'b']
}));

/** A call skeleton for a built-in: `hill(${1:x}, …)`, time courses with their named arguments. */
export function builtinSnippet(name: string): string {
    const named = TIME_COURSE_ARGUMENTS.get(name);
    const args = named
        ? named.map((arg, i) => `${arg} \${${i + 1}}`)
        : (ARGUMENT_NAMES.get(name) ?? ['x']).slice(0, BUILTIN_FUNCTIONS.get(name)).map((arg, i) => `\${${i + 1}:${arg}}`);
    return `${name}(${args.join(', ')})`;
}

export const BUILTIN_NAMES: readonly string[] = [...BUILTIN_FUNCTIONS.keys()];
