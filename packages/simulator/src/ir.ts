/**
 * The model IR: a checked Cascade model as plain, serializable data.
 *
 * The language package lowers a document into this shape; the simulator, the SBML
 * exporter and the CLI read it. Every quantity is in base units: concentrations µM
 * (or g/L for mass concentrations), time minutes, volume litres, mass grams,
 * fractions as plain numbers (40 % = 0.4). Names are the declared names; one model
 * has one flat namespace (imports are already merged, duplicates already rejected).
 */

/** Where a construct was written, for messages and diagnostics (1-based line and column). */
export interface SourceRef {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
}

/** The dimension a value is in, named by its base unit. */
export type BaseUnit =
    | 'uM' | 'g/L' | 'umol' | 'g' | 'L' | 'min' | 'g/mol' | '1'
    | 'uM/min' | '/min' | '/(uM*min)' | string;

// ---- expressions ----------------------------------------------------------

export type Expr =
    | { kind: 'number'; value: number }
    /** A species' concentration, a parameter, a rule, a compartment's volume or a function argument. */
    | { kind: 'name'; name: string }
    /** `M.level`, `R.occupancy`, `R.activation`, and a process's flux `E.rate`. */
    | { kind: 'member'; name: string; member: MemberName }
    | { kind: 'time' }
    | { kind: 'balance' }
    | { kind: 'unary'; op: '-' | 'not'; operand: Expr }
    | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
    /**
     * Built-in or user function. Built-ins: exp ln log10 sqrt abs min max floor ceil sin cos asin acos atan
     * hill(x,k,n) mm(x,km) if(c,a,b), and the time courses with arguments in this fixed order:
     * circadian(mean, amplitude, peak, period), pulse(base, peak, start, duration),
     * step(before, after, at). User functions are looked up in `ModelIR.functions`.
     */
    | { kind: 'call'; fn: string; args: Expr[] };

export type MemberName = 'level' | 'occupancy' | 'activation' | 'rate';

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';

/**
 * Arity of each built-in function. Maps, not objects: a user's function may be called
 * `toString` or `constructor`, which an object literal would answer from its prototype.
 */
export const BUILTIN_FUNCTIONS: ReadonlyMap<string, number> = new Map(Object.entries({
    exp: 1, ln: 1, log10: 1, sqrt: 1, abs: 1, min: 2, max: 2, floor: 1, ceil: 1, sin: 1, cos: 1,
    asin: 1, acos: 1, atan: 1,
    hill: 3, mm: 2, if: 3, circadian: 4, pulse: 4, step: 3
}));

/** Named arguments of the time courses, in the order `call.args` holds them. */
export const TIME_COURSE_ARGUMENTS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries({
    circadian: ['mean', 'amplitude', 'peak', 'period'],
    pulse: ['base', 'peak', 'start', 'duration'],
    step: ['before', 'after', 'at']
}));

// ---- declarations -----------------------------------------------------------

export type SpeciesKind = 'precursor' | 'cofactor' | 'intermediate' | 'transmitter' | 'metabolite';
export type Tone = 'excitatory' | 'inhibitory' | 'modulatory';

export interface Compartment {
    name: string;
    title?: string;
    /** Litres. */
    volume: Expr;
}

/**
 * The unit a quantity is shown in: the one its author wrote for it (`pg/mL`), else a readable
 * prefix of its base unit. A base value is `scale` of these units: shown value = base / scale.
 * Carried for presentation only; the simulator computes in base units.
 */
export interface DisplayUnit {
    unit: string;
    scale: number;
}

export interface Species {
    name: string;
    kind: SpeciesKind;
    title?: string;
    doc?: string;
    compartment: string;
    /** µM (g/L when `unit` is 'g/L'). */
    initial: Expr;
    /** Zero-order inflow, concentration per minute. */
    supply: Expr;
    /** First-order outflow, per minute. */
    clearance: Expr;
    /** Boundary condition: processes read it and never change it. */
    fixed: boolean;
    tone: Tone;
    /** g/mol, when declared. */
    molarMass?: number;
    /** The concentration's base unit, 'uM' unless the species was declared in mass units. */
    unit: 'uM' | 'g/L' | '1';
    /** The unit of its `initial`, or of its expects, when the author wrote one. */
    display?: DisplayUnit;
    source?: SourceRef;
}

export interface StoichiometricTerm {
    species: string;
    coefficient: number;
}

export type InhibitionMode = 'competitive' | 'noncompetitive' | 'uncompetitive';

export interface Inhibition {
    inhibitor: string;
    /** Same dimension as the inhibitor's concentration. */
    ki: Expr;
    mode: InhibitionMode;
}

/** How a process's flux v (concentration per minute of its compartment) is computed. */
export type RateLaw =
    /**
     * docs/reference.md#enzyme-rate-law (enzymes, and transporters given `vmax`): v = vmax·A·s₁·Π s(S)·Π C/(Kc+C)·Π_noncompetitive 1/(1+I/Ki),
     * every substrate binding independently (the product of saturations).
     */
    | {
        type: 'saturable';
        vmax: Expr;
        /** One entry per substrate, in written order; competitive and uncompetitive inhibitors act on the first. */
        substrates: { species: string; km: Expr }[];
        cofactors: { species: string; km: Expr }[];
        inhibitors: Inhibition[];
        substrateInhibitionKi?: Expr;
        /** Cooperativity of the first substrate: s₁ = Sⁿ/(Kmⁿ + Sⁿ) (with inhibitors: Sⁿ/(Kmⁿ·(1+Σc) + Sⁿ·(1+Σu))). */
        hill?: Expr;
        /**
         * `converts S <-> P … keq`: reversible Michaelis–Menten (Haldane),
         * s₁ = (S − P/Keq)/Km / ((1 + Σc) + (S/Km + P/Kp)·(1 + Σu)); Kp is Km when `kmProduct` is absent.
         */
        reversible?: { product: string; keq: Expr; kmProduct?: Expr };
    }
    /** docs/reference.md#releases: v = k·A·S on the source (release, or a transporter given `rate`). */
    | { type: 'first-order'; rate: Expr; substrate: string; inhibitors: Inhibition[] }
    /** docs/reference.md#reactions: a reaction's rate expression, used as written (times A). */
    | { type: 'expression'; rate: Expr }
    /** `A + B <-> C  kf …  kr …`: v = A·(kf·Π reactantᵛ − kr·Π productᵛ). */
    | { type: 'mass-action'; kf: Expr; kr: Expr }
    /**
     * docs/reference.md#one-carrier-for-several-substrates: a transporter with several `moves` lines.
     * Line i moves its substrate Sᵢ at vᵢ = Vᵢ·A·(Sᵢ/Kᵢ) / ((1 + Σc I/Ki) + Σⱼ (Sⱼ/Kⱼ)·(1 + Σu I/Ki)) · Π_noncompetitive 1/(1 + I/Ki):
     * the substrates compete for the one carrier. The process's flux (`E.rate`) is Σ vᵢ.
     */
    | { type: 'carrier'; routes: CarrierRoute[]; inhibitors: Inhibition[] };

/** One `moves` line of a carrier: its substrate is `reactants[0]`. */
export interface CarrierRoute {
    reactants: StoichiometricTerm[];
    products: StoichiometricTerm[];
    vmax: Expr;
    km: Expr;
}

export interface Process {
    name: string;
    kind: 'enzyme' | 'transporter' | 'release' | 'reaction';
    title?: string;
    doc?: string;
    reactants: StoichiometricTerm[];
    products: StoichiometricTerm[];
    /**
     * Every species the process moves (for a carrier, all its lines).
     * The compartment the flux is measured in: a species X changes by ν·v·V(process)/V(X).
     * Transporters and releases: the source's compartment.
     */
    compartment: string;
    law: RateLaw;
    source?: SourceRef;
}

export interface Antagonist {
    antagonist: string;
    ki: Expr;
}

export interface Receptor {
    name: string;
    title?: string;
    doc?: string;
    ligand: string;
    kd: Expr;
    hill: Expr;
    /** Relative Bmax, a fraction (1 = 100 %). */
    density: Expr;
    effect: Tone;
    antagonists: Antagonist[];
    source?: SourceRef;
}

export interface Modulator {
    name: string;
    title?: string;
    doc?: string;
    /** In the level's base unit (`unit`). */
    level: Expr;
    unit: BaseUnit;
    source?: SourceRef;
}

/** What an effect clause reads: a modulator's level, a receptor's occupancy (a fraction), a species' concentration. */
export interface EffectSource {
    kind: 'modulator' | 'receptor' | 'species';
    name: string;
}

export type EffectProperty = 'activity' | 'density' | 'supply' | 'clearance';

/** docs/reference.md#effect-clauses: f = 1 ± max·x^n/(ec50^n + x^n); factors on one target property multiply. */
export interface Effect {
    source: EffectSource;
    direction: 'increases' | 'decreases';
    target: string;
    property: EffectProperty;
    /** Fraction. */
    max: Expr;
    /** In the source's base unit. */
    ec50: Expr;
    hill: Expr;
    sourceRef?: SourceRef;
}

export interface Parameter {
    name: string;
    title?: string;
    value: Expr;
    unit: BaseUnit;
}

export interface FunctionDefinition {
    name: string;
    parameters: string[];
    body: Expr;
}

/** `rule X = expr`: recomputed at every time. */
export interface AssignmentRule {
    name: string;
    title?: string;
    expression: Expr;
    unit: BaseUnit;
}

/** `rate of X = expr`: X (a species or parameter) follows this derivative instead of its balance. */
export interface RateRule {
    target: string;
    expression: Expr;
}

/** `initial X = expr`: X's initial value (species, parameter or compartment volume). */
export interface InitialAssignment {
    target: string;
    expression: Expr;
}

// ---- actions, events, scenarios, cascades ----------------------------------------

/**
 * A property that actions and perturbations address: `level`, `supply`, `clearance`,
 * `initial`, `vmax`, `km`, `rate`, `kd`, `ki`, `hill`, `density`, `activity`, `volume`, or
 * `value` — a species' concentration or a parameter's value (`set X 2 uM`).
 * `km` names the first substrate's km unless `substrate` is given.
 */
export interface PropertyRef {
    target: string;
    property: string;
    substrate?: string;
}

export type Action =
    /** Replace a property (an expression, evaluated when the action applies). */
    | ({ kind: 'set'; value: Expr } & PropertyRef)
    /** Add to a species' concentration (a dose of an amount or mass is already divided by the volume). */
    | { kind: 'dose'; species: string; amount: Expr }
    /** Add `rate` (concentration per minute) to a species' input: an infusion starts; a negative rate ends it. */
    | { kind: 'infuse'; species: string; rate: Expr }
    /** Multiply the target's activity by (1 − fraction). */
    | { kind: 'inhibit'; target: string; fraction: Expr }
    /** Multiply a property by factor. */
    | ({ kind: 'scale'; factor: Expr } & PropertyRef);

export type Trigger =
    /** Minutes. */
    | { kind: 'at'; time: number }
    /** Fires each time the condition goes from false to true. */
    | { kind: 'when'; condition: Expr };

export interface ModelEvent {
    trigger: Trigger;
    actions: Action[];
    source?: SourceRef;
}

/** A value an expectation reads: an expression at one time. */
export interface Reading {
    expression: Expr;
    /** 'steady' or minutes. */
    at: 'steady' | number;
}

export interface Expectation {
    /** What is measured, as written (for messages). */
    label: string;
    /** The values read; a plain expect has one. */
    readings: Reading[];
    /** How the readings combine into the measured value: an expression over the names `$0`, `$1`, … */
    value: Expr;
    /** A scenario of the same model: the measured value is then (X − X_ref)/X_ref, X_ref read there. */
    relativeTo?: string;
    /** −∞ for `below`, +∞ for `above`. */
    low: number;
    high: number;
    /** Base unit of the measured value, low and high ('1' for a relative change). */
    unit: BaseUnit;
    /** The unit its range was written in (or its species'), for messages. */
    display?: DisplayUnit;
    source?: SourceRef;
}

/** A reported quantity: a species, a rule, `R.occupancy`, `R.activation`, `M.level` or `balance`. */
export interface Observable {
    name: string;
    expression: Expr;
    unit: BaseUnit;
    /** A species' display unit, when the observable is a species. */
    display?: DisplayUnit;
}

/**
 * A scenario. One that `extends` another names it in `base` and holds only what it writes
 * itself in `expects`, `actions` and `events`: the inherited ones are not copied into every
 * descendant (a chain of n scenarios would hold n²/2 events). `resolveScenario` (run/scenario-chain.ts)
 * gives the whole scenario, inherited parts first; every run goes through it.
 */
export interface Scenario {
    name: string;
    title?: string;
    /** The scenario this one extends, by name. */
    base?: string;
    /** Names of the chain, this scenario last; filled in by `resolveScenario`. */
    lineage?: string[];
    /** Minutes (`extends` already applied). */
    duration: number;
    /** Output spacing in minutes (duration/200 unless written; `extends` already applied). */
    step: number;
    /** `extends` already applied. */
    observe: Observable[];
    /** Written here (with `base`) or in the whole chain (without). */
    expects: Expectation[];
    /** Actions from t = 0 (they replace the model's values before the run starts); written here (with `base`) or in the whole chain. */
    actions: Action[];
    /** Timed (`at T`) and conditional (`when`) events in written order: written here (with `base`), or the model's events first, then the chain's. */
    events: ModelEvent[];
    /**
     * `every P … dose X A` (docs/reference.md#every), written here (with `base`) or in the whole chain. An
     * open-ended schedule runs to the end of the run that uses it, which a descendant may lengthen,
     * so `resolveScenario` expands them into timed events, not the lowering.
     */
    schedules?: DoseSchedule[];
    source?: SourceRef;
}

export interface DoseSchedule {
    /** Minutes: the first dose. */
    start: number;
    /** Minutes between doses. */
    period: number;
    /** `times N`: how many doses. */
    count?: number;
    /** `until U`: the last dose at or before U minutes. */
    until?: number;
    dose: Action;
    source?: SourceRef;
}

export type PerturbationChange =
    /** ±P %: the property becomes base·(1 + fraction). */
    | { kind: 'relative'; fraction: number }
    /** The property becomes this value (base units). */
    | { kind: 'absolute'; value: number };

export interface Perturbation extends PropertyRef {
    change: PerturbationChange;
    label: string;
    source?: SourceRef;
}

export interface Cascade {
    name: string;
    title?: string;
    from: string;
    perturbations: Perturbation[];
    measure: Observable[];
    /** 'steady' or minutes. */
    at: 'steady' | number;
    source?: SourceRef;
}

/** One `vary` line of a scan: `count` values from `from` to `to` (base units), evenly or geometrically spaced. */
export interface ScanVary extends PropertyRef {
    from: number;
    to: number;
    count: number;
    log: boolean;
    /** The unit its range was written in, to show the axis in. */
    display?: DisplayUnit;
    source?: SourceRef;
}

export interface Scan {
    name: string;
    title?: string;
    from: string;
    /** One line: a dose–response; two: a 2-D grid. */
    vary: ScanVary[];
    measure: Observable[];
    /** 'steady' or minutes. */
    at: 'steady' | number;
    source?: SourceRef;
}

/**
 * How a varied property is spread over a population's members (docs/reference.md#populations):
 * `lognormal(cv c)` has the base value as its median and coefficient of variation c; `normal(sd …)`
 * is centred on the base value, with a standard deviation relative to it (`sd 10%`: 0.1) or absolute
 * (base units); `uniform(from A to B)` ignores the base value.
 */
export type PopulationDistribution =
    | { kind: 'lognormal'; cv: number }
    | { kind: 'normal'; sd: number; relative: boolean }
    | { kind: 'uniform'; from: number; to: number };

export interface PopulationVary extends PropertyRef {
    distribution: PopulationDistribution;
    /** Restricted to the property's valid range (> 0 or ≥ 0), by drawing from the distribution conditioned on it. */
    truncated: boolean;
    source?: SourceRef;
}

export interface Population {
    name: string;
    title?: string;
    from: string;
    vary: PopulationVary[];
    /** Members (a whole number ≥ 1). */
    size: number;
    /** Member i's values depend on (seed, i) alone. */
    seed: number;
    /** Empty: the base scenario's observed quantities. */
    measure: Observable[];
    /** 'steady', minutes (one time), or absent: the base scenario's time course. */
    at?: 'steady' | number;
    source?: SourceRef;
}

/** One measured value (docs/reference.md#data): a quantity observed in a scenario, at a time or at steady state. */
export interface Measurement {
    scenario: string;
    /** The observable's name as written: a species, a rule, `E.rate`, `R.occupancy`, `M.level`. */
    quantity: string;
    expression: Expr;
    /** Base unit of value and sd. */
    unit: BaseUnit;
    /** 'steady' or minutes. */
    time: 'steady' | number;
    value: number;
    /** Standard deviation, in base units (> 0). */
    sd: number;
    /** The unit the value was written in, for reports. */
    display?: DisplayUnit;
    /** The point's line (inline) or the CSV row (`file` is then the CSV file). */
    source?: SourceRef;
}

/** `data D from "x.csv"` or `data D { … }`. */
export interface Dataset {
    name: string;
    title?: string;
    /** The CSV file as written, when the data come from one. */
    file?: string;
    measurements: Measurement[];
    source?: SourceRef;
}

/** `estimate TH vmax in [lo, hi] log`: a property the fit moves within bounds (base units). */
export interface FitEstimate extends PropertyRef {
    low: number;
    high: number;
    /** Optimised in log space (both bounds > 0). */
    log: boolean;
    source?: SourceRef;
}

/** `fit F { data D … estimate … [include expects] [lognormal] }` (docs/reference.md#fit, docs/analysis.md#fitting). */
export interface Fit {
    name: string;
    title?: string;
    /** Dataset names. */
    data: string[];
    estimates: FitEstimate[];
    /** Which expects of the data's scenarios join the objective as soft constraints: none, all, or only the relative ones. */
    includeExpects: 'none' | 'all' | 'relative';
    /** 'normal': r = (y − ŷ)/sd; 'lognormal': r = (ln y − ln ŷ)/(sd/y). */
    residuals: 'normal' | 'lognormal';
    source?: SourceRef;
}

export interface ModelIR {
    name: string;
    title?: string;
    doc?: string;
    /** False for `units unchecked`: every number is taken as written. */
    unitsChecked: boolean;
    /** Always at least one (an implicit `default` of 1 L when the file declares none). */
    compartments: Compartment[];
    species: Species[];
    processes: Process[];
    receptors: Receptor[];
    modulators: Modulator[];
    effects: Effect[];
    parameters: Parameter[];
    functions: FunctionDefinition[];
    /** Assignment rules, in written order (the simulator orders them by dependency). */
    rules: AssignmentRule[];
    rateRules: RateRule[];
    initialAssignments: InitialAssignment[];
    /** Model-level `when` events. */
    events: ModelEvent[];
    scenarios: Scenario[];
    cascades: Cascade[];
    /** Parameter scans (absent in IR written before scans existed). */
    scans?: Scan[];
    /** Virtual populations (absent in IR written before populations existed). */
    populations?: Population[];
    /** Measurements (absent in IR written before data existed). */
    datasets?: Dataset[];
    fits?: Fit[];
}
