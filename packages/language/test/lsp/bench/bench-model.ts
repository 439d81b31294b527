/** Generated models for the editor benchmarks: realistic sections repeated with numbered names. */

/** About 25 lines of a model; `i` keeps names apart. */
function section(i: number): string {
    return `
/** Pathway ${i}. */
precursor Trp${i} in cell { initial 50 uM  supply 0.5 uM/min }
cofactor BH4_${i} in cell { initial 1.2 uM  fixed }
intermediate HTP${i} in cell
transmitter Sero${i} in cell { initial 0.3 uM  tone inhibitory }
metabolite HIAA${i} in cell { clearance 0.05 /min }
enzyme TPH${i} in cell {
    converts Trp${i} -> HTP${i}
    vmax 2.4 uM/min
    km Trp${i} 40 uM
    requires BH4_${i} km 20 uM
    inhibited by Sero${i} ki 1000 uM
}
enzyme MAO${i} in cell { converts Sero${i} -> HIAA${i}  vmax 1 uM/min  km 0.5 uM }
transporter SERT${i} { moves HTP${i} -> Sero${i}  vmax 8000 uM/h  km 0.17 uM }
receptor HT1A_${i} { binds Sero${i}  kd 3 nM  effect inhibitory }
modulator Cort${i} { level 12 ug/dL  increases TPH${i} activity max 40% ec50 20 ug/dL }
parameter k${i} = 0.3 /min
rule ratio${i} = HIAA${i} / (Sero${i} + 1 nM)
scenario Run${i} {
    simulate 48 h
    observe Sero${i}, HT1A_${i}.occupancy
    inhibit SERT${i} 80%
}
`;
}

export function model(lines: number): string {
    let text = 'model Bench\ncompartment cell { volume 1 pL }\n';
    for (let i = 0; text.split('\n').length < lines; i++) text += section(i);
    return text;
}
