/**
 * Generated Cascade models of a given size, for benchmarks and load tests: a chain of
 * species converted by enzymes, with a receptor and a scenario. They check without errors or
 * warnings; a model that imports another uses the compartments declared there.
 */
export function generateModel(lines, name = 'Generated', importPath) {
    const out = [`model ${name} "generated benchmark model"`, ''];
    if (importPath) out.push(`import "${importPath}"`, '');
    else out.push('compartment cytosol { volume 1 pL }', 'compartment synapse { volume 0.1 pL }', '');
    out.push(`precursor ${name}_S0 in cytosol { initial 50 uM  supply 0.5 uM/min  clearance 0.01 /min }`, '');
    let i = 0;
    while (out.length < lines - 12) {
        const s = `${name}_S${i}`;
        const next = `${name}_S${i + 1}`;
        out.push(
            `/** Step ${i} of the chain. */`,
            `intermediate ${next} "species ${i + 1}" in cytosol { initial 1 uM  clearance 0.001 /min }`,
            `enzyme ${name}_E${i} {`,
            `    converts ${s} -> ${next}`,
            `    vmax 2.4 uM/min`,
            `    km 40 uM`,
            `    inhibited by ${next} ki 1000 uM`,
            `}`,
            ''
        );
        i++;
    }
    const last = `${name}_S${i}`;
    out.push(
        `transmitter ${name}_T "end product" in cytosol { initial 0.3 uM  clearance 0.05 /min  tone inhibitory }`,
        `reaction ${name}_Final { ${last} -> ${name}_T rate 0.1 /min * ${last} }`,
        `receptor ${name}_R { binds ${name}_T kd 3 nM effect inhibitory }`,
        `scenario ${name}_Baseline {`,
        `    simulate 24 h`,
        `    observe ${name}_T, ${name}_R.occupancy`,
        `}`
    );
    return out.join('\n') + '\n';
}
