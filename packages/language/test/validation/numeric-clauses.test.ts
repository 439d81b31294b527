import assert from 'node:assert/strict';
import { AstUtils, GrammarAST, type Grammar } from 'langium';
import { CascadeLanguageGrammar } from '../../src/generated/grammar.js';
import { loadModelFromText } from '../../src/workspace/model-loader.js';

/**
 * The rule "every clause the parser accepts changes the model or is reported", for every numeric
 * clause of every block: written with two different values into every form of every declaration
 * kind, a clause must either change the lowered model or draw an error or warning on its own line.
 * The clauses are read from the grammar, so a new one fails this test until it has a sample here.
 */

/** Numeric clauses by the grammar's name for them: `PropertyValue.vmax`, `KmValue.value`, `EffectClause.ec50`. */
function numericClauses(grammar: Grammar): string[] {
    const rule = (name: string) => grammar.rules.find(r => r.name === name) as GrammarAST.ParserRule;
    const keys = AstUtils.streamAllContents(rule('PropertyKey').definition).filter(GrammarAST.isKeyword).map(k => `PropertyValue.${k.value}`).toArray();
    const members = AstUtils.streamAllContents(rule('Member').definition).filter(GrammarAST.isRuleCall).map(call => call.rule.ref as GrammarAST.ParserRule).toArray();
    const others = members.filter(member => member.name !== 'PropertyValue').flatMap(member =>
        AstUtils.streamAllContents(member.definition).filter(GrammarAST.isAssignment)
            .filter(a => GrammarAST.isRuleCall(a.terminal) && a.terminal.rule.ref?.name === 'Value')
            .map(a => `${member.name}.${a.feature}`).toArray());
    return [...keys, ...others];
}

type Sample = [string, string, string];

/** How to write each clause, with two values (`%v`); a unit that does not fit a kind is reported there, which is allowed. */
const SAMPLES: Record<string, Sample> = {
    'PropertyValue.volume': ['volume %v', '2 pL', '3 pL'],
    'PropertyValue.initial': ['initial %v', '2 uM', '3 uM'],
    'PropertyValue.supply': ['supply %v', '2 uM/min', '3 uM/min'],
    'PropertyValue.clearance': ['clearance %v', '2 /min', '3 /min'],
    'PropertyValue.molar_mass': ['molar_mass %v', '200 g/mol', '300 g/mol'],
    'PropertyValue.vmax': ['vmax %v', '2 uM/min', '3 uM/min'],
    'PropertyValue.rate': ['rate %v', '2 /min', '3 /min'],
    'PropertyValue.kd': ['kd %v', '2 uM', '3 uM'],
    'PropertyValue.hill': ['hill %v', '2', '3'],
    'PropertyValue.density': ['density %v', '0.5', '0.8'],
    'PropertyValue.level': ['level %v', '2 uM', '3 uM'],
    'PropertyValue.keq': ['keq %v', '2', '3'],
    'PropertyValue.km_product': ['km_product %v', '2 uM', '3 uM'],
    'PropertyValue.kf': ['kf %v', '2 /min', '3 /min'],
    'PropertyValue.kr': ['kr %v', '2 /min', '3 /min'],
    'PropertyValue.protein': ['protein %v', '2 mg/mL', '3 mg/mL'],
    // The second substrate's: a km read from the wrong line (or the first one for all) is caught.
    'KmValue.value': ['km S2 %v', '2 uM', '3 uM'],
    'Requires.km': ['requires C km %v', '2 uM', '3 uM'],
    'InhibitedBy.ki': ['inhibited by I ki %v', '2 uM', '3 uM'],
    'BlockedBy.ki': ['blocked by I ki %v', '2 uM', '3 uM'],
    'SubstrateInhibition.ki': ['substrate_inhibition ki %v', '20 uM', '30 uM'],
    'EffectClause.max': ['increases E activity max %v ec50 1 uM hill 1', '20%', '30%'],
    'EffectClause.ec50': ['increases E activity max 50% ec50 %v hill 1', '2 uM', '3 uM'],
    'EffectClause.hill': ['increases E activity max 50% ec50 1 uM hill %v', '2', '3']
};

const BASE = `
compartment Home { volume 1 pL }
precursor S in Home { initial 3 uM }
precursor S2 in Home { initial 2 uM }
metabolite P in Home { clearance 1 /min }
cofactor C in Home { initial 1 uM fixed }
intermediate I in Home { initial 0.5 uM }
transmitter L in Home { initial 1 uM  clearance 1 /min }
receptor RL { binds L  kd 1 uM }
enzyme E in Home { converts S -> P  vmax 1 uM/min  km 1 uM }
`;

/** Each form of each declaration kind: its head, its members (clause ids → text), and what else it needs. */
interface Form { head: string; members: [string, string][]; extra?: string; samples?: Record<string, Sample> }
const written = (id: string, sample: Sample = SAMPLES[id]): [string, string] => [id, sample[0].replace('%v', sample[1])];

/** A receptor's effect reads its occupancy, a fraction. */
const RECEPTOR_EC50: Sample = ['increases E activity max 50% ec50 %v hill 1', '0.2', '0.3'];
const RECEPTOR_EFFECT = (id: string): Sample => id === 'EffectClause.ec50' ? RECEPTOR_EC50 : [SAMPLES[id][0].replace('ec50 1 uM', 'ec50 0.5'), SAMPLES[id][1], SAMPLES[id][2]];
const REACTION_RATE: Sample = ['rate %v', '2 uM/min', '3 uM/min'];

const FORMS: Record<string, Form> = {
    'compartment': {
        head: 'compartment Under', members: [written('PropertyValue.volume'), written('PropertyValue.protein')],
        extra: 'precursor U in Under { initial 1 uM }\nmetabolite V in Under { clearance 1 /min }\nenzyme EU in Under { converts U -> V  vmax 1 nmol/min/mg  km 1 uM }'
    },
    'species': {
        head: 'intermediate Under in Home',
        members: ['PropertyValue.initial', 'PropertyValue.supply', 'PropertyValue.clearance', 'PropertyValue.molar_mass',
            'EffectClause.max', 'EffectClause.ec50', 'EffectClause.hill'].map(id => written(id))
    },
    'enzyme': {
        head: 'enzyme Under in Home',
        members: [['equation', 'converts S + S2 -> P'], written('PropertyValue.vmax'), ['km1', 'km S 1 uM'], written('KmValue.value'),
            written('Requires.km'), written('InhibitedBy.ki'), written('SubstrateInhibition.ki'), written('PropertyValue.hill')]
    },
    'reversible enzyme': {
        head: 'enzyme Under in Home',
        members: [['equation', 'converts S <-> P'], written('PropertyValue.vmax'), ['km1', 'km S 1 uM'], written('PropertyValue.keq'),
            written('PropertyValue.km_product'), written('Requires.km'), written('InhibitedBy.ki')]
    },
    'enzyme with a specific activity': {
        head: 'enzyme Under in Home',
        members: [['equation', 'converts S -> P'], written('PropertyValue.vmax', ['vmax %v', '2 nmol/min/mg', '3 nmol/min/mg']), ['km1', 'km S 1 uM'],
            written('PropertyValue.protein')],
        samples: { 'PropertyValue.vmax': ['vmax %v', '2 nmol/min/mg', '3 nmol/min/mg'] }
    },
    'transporter': {
        head: 'transporter Under',
        members: [['equation', 'moves S + S2 -> P'], written('PropertyValue.vmax'), ['km1', 'km S 1 uM'], written('KmValue.value'), written('InhibitedBy.ki')]
    },
    'carrier': {
        head: 'transporter Under',
        members: [['line1', 'moves S -> P'], written('PropertyValue.vmax'), ['km1', 'km 1 uM'], ['line2', 'moves S2 -> P'], ['vmax2', 'vmax 1 uM/min'],
            written('KmValue.value'), written('InhibitedBy.ki')]
    },
    'first-order transporter': { head: 'transporter Under', members: [['equation', 'moves S -> P'], written('PropertyValue.rate'), written('InhibitedBy.ki')] },
    'release': { head: 'release Under', members: [['equation', 'moves S -> P'], written('PropertyValue.rate'), written('InhibitedBy.ki')] },
    'receptor': {
        head: 'receptor Under',
        members: [['binds', 'binds L'], ...['PropertyValue.kd', 'PropertyValue.hill', 'PropertyValue.density', 'BlockedBy.ki'].map(id => written(id)),
            ...['EffectClause.max', 'EffectClause.ec50', 'EffectClause.hill'].map(id => written(id, RECEPTOR_EFFECT(id))), ['effect', 'effect excitatory']],
        samples: Object.fromEntries(['EffectClause.max', 'EffectClause.ec50', 'EffectClause.hill'].map(id => [id, RECEPTOR_EFFECT(id)]))
    },
    'modulator': { head: 'modulator Under', members: ['PropertyValue.level', 'EffectClause.max', 'EffectClause.ec50', 'EffectClause.hill'].map(id => written(id)) },
    'reaction': {
        head: 'reaction Under in Home', members: [['equation', 'S -> P'], written('PropertyValue.rate', REACTION_RATE)],
        samples: { 'PropertyValue.rate': REACTION_RATE }
    },
    'reversible reaction': { head: 'reaction Under in Home', members: [['equation', 'S <-> P'], written('PropertyValue.kf'), written('PropertyValue.kr')] }
};

/** The form with clause `id` written with `value` (replacing the form's own, or added), and the line it is on. */
function model(form: Form, id: string, value: string): { text: string; line: number } {
    const clause = sampleOf(form, id)[0].replace('%v', value);
    const members = form.members.some(([own]) => own === id)
        ? form.members.map(([own, text]) => own === id ? clause : text)
        : [...form.members.map(([, text]) => text), clause];
    const prefix = `${BASE}${form.extra ?? ''}\n${form.head} {\n`;
    const line = prefix.split('\n').length + members.indexOf(clause);
    return { text: `${prefix}${members.join('\n')}\n}\n`, line };
}

let count = 0;

/** The form as written, and the line of its last member. */
function modelWith(form: Form): { text: string; line: number } {
    const prefix = `${BASE}${form.extra ?? ''}\n${form.head} {\n`;
    return { text: `${prefix}${form.members.map(([, text]) => text).join('\n')}\n}\n`, line: prefix.split('\n').length + form.members.length - 1 };
}

type Outcome = 'changes the model' | 'reported' | 'ignored';

const sampleOf = (form: Form, id: string): Sample => form.samples?.[id] ?? SAMPLES[id];

async function outcome(form: Form, id: string): Promise<{ outcome: Outcome; detail: string }> {
    const [low, high] = sampleOf(form, id).slice(1);
    const models = [model(form, id, low), model(form, id, high)];
    const loaded = [];
    for (const m of models) loaded.push(await loadModelFromText(m.text, `${process.cwd()}/numeric-clause-${count++}.cascade`));
    const onClause = loaded.flatMap((l, i) => l.diagnostics.filter(d => d.line === models[i].line && (d.severity === 'error' || d.severity === 'warning')));
    if (onClause.length > 0) return { outcome: 'reported', detail: onClause[0].message };
    const elsewhere = loaded.flatMap(l => l.diagnostics.filter(d => d.severity === 'error'));
    assert.deepEqual(elsewhere.map(d => `${d.line}: ${d.message}`), [], `${form.head} with ${SAMPLES[id][0]}: the form itself should be clean`);
    const [a, b] = loaded.map(l => JSON.stringify(l.model, (key, value) => key === 'source' || key === 'sourceRef' ? undefined : value));
    return { outcome: a === b ? 'ignored' : 'changes the model', detail: '' };
}

describe('every numeric clause changes the model or is reported', () => {
    const clauses = numericClauses(CascadeLanguageGrammar());

    it('has a sample for every numeric clause of the grammar', () => {
        assert.deepEqual(clauses.filter(id => !SAMPLES[id]), [], 'add a sample (and a form that uses it) for each new clause');
        assert.ok(clauses.length >= 24);
    });

    for (const [name, form] of Object.entries(FORMS)) {
        it(`in a ${name}: each clause changes the model or is reported, and the form's own clauses change it`, async function () {
            this.timeout(60_000);
            const results = [];
            for (const id of clauses) results.push({ id, ...(await outcome(form, id)) });
            assert.deepEqual(results.filter(r => r.outcome === 'ignored').map(r => r.id), [], 'accepted but ignored');
            const own = new Set(form.members.map(([id]) => id));
            const reportedOwn = results.filter(r => own.has(r.id) && r.outcome !== 'changes the model');
            assert.deepEqual(reportedOwn.map(r => `${r.id}: ${r.detail}`), [], 'a clause the form is written with must change the model');
        });

        it(`in a ${name}: a numeric clause written twice is reported (one of the two would be ignored)`, async function () {
            this.timeout(60_000);
            const unreported: string[] = [];
            for (const [id, text] of form.members.filter(([id]) => SAMPLES[id] && !id.startsWith('EffectClause'))) {
                const twice: Form = { ...form, members: [...form.members, [`${id} again`, text]] };
                const { text: model, line } = modelWith(twice);
                const loaded = await loadModelFromText(model, `${process.cwd()}/numeric-clause-${count++}.cascade`);
                if (!loaded.diagnostics.some(d => d.line === line && d.severity === 'error')) unreported.push(id);
            }
            assert.deepEqual(unreported, []);
        });
    }
});
