import type { AstNode, CommentProvider } from 'langium';
import { evaluateConstant, type DisplayUnit, type Expr, type SourceRef } from '@neurocascade/simulator';
import { isQuantity, type Expression, type Species } from '../generated/ast.js';
import { DimensionInference } from '../units/dimension-inference.js';
import {
    AMOUNT, AMOUNT_CONCENTRATION, baseUnitName, MASS, MASS_CONCENTRATION, MASS_CONCENTRATION_PER_TIME, MOLAR_MASS, parseUnit, sameDimension,
    SPECIFIC_ACTIVITY, TIME, type Dimension
} from '../units/units.js';
import { lowerExpression } from './lower-expression.js';

/** What lowering needs to know about the model as a whole while it lowers one construct. */
export class LoweringContext {
    private readonly inference = new DimensionInference();

    constructor(
        readonly unitsChecked: boolean,
        private readonly speciesByName: ReadonlyMap<string, Species>,
        private readonly comments: CommentProvider
    ) {}

    expression(expression: Expression | undefined, fallback = Number.NaN): Expr {
        return expression ? lowerExpression(expression, this) : { kind: 'number', value: fallback };
    }

    /**
     * A value measured in a species' concentration (initial, km, ki, kd, dose): written in
     * mass units, it converts to µM through the species' molar mass (docs/reference.md#units).
     */
    concentrationOf(speciesName: string | undefined, expression: Expression | undefined, fallback = 0): Expr {
        return this.inAmounts(speciesName, expression, this.expression(expression, fallback), MASS_CONCENTRATION);
    }

    /**
     * A rate of a species' concentration (vmax, supply, a reaction's rate): a mass rate converts through the
     * molar mass as concentrations do; a specific activity (`nmol/min/mg`) is multiplied by `protein` (docs/reference.md#specific-activities).
     */
    rateOf(speciesName: string | undefined, expression: Expression | undefined, protein?: Expression, fallback = Number.NaN): Expr {
        const lowered = this.expression(expression, fallback);
        if (protein && this.unitsChecked && this.hasDimension(expression, SPECIFIC_ACTIVITY)) {
            return { kind: 'binary', op: '*', left: lowered, right: this.expression(protein) };
        }
        return this.inAmounts(speciesName, expression, lowered, MASS_CONCENTRATION_PER_TIME);
    }

    /** `lowered`, divided by the species' molar mass when `expression` is in the mass dimension `mass`. */
    private inAmounts(speciesName: string | undefined, expression: Expression | undefined, lowered: Expr, mass: Dimension): Expr {
        const molarMass = speciesName ? this.molarMass(speciesName) : undefined;
        if (!molarMass || !this.unitsChecked || !this.hasDimension(expression, mass)) return lowered;
        return { kind: 'binary', op: '/', left: lowered, right: { kind: 'number', value: molarMass * 1e-6 } };
    }

    /**
     * What a dose (or, `perTime`, an infusion rate) adds to a species' concentration: an amount
     * or a mass is divided by the volume of the species' compartment, a mass first by the
     * species' molar mass (a species in g/L takes a mass as it is); a concentration converts as
     * `concentrationOf` does. A mass without a molar mass is NaN here (a check reports it).
     */
    addedConcentration(speciesName: string, expression: Expression | undefined, perTime: boolean): Expr {
        const of = (d: Dimension) => perTime ? { ...d, time: d.time - TIME.time } : d;
        const amount = this.hasDimension(expression, of(AMOUNT));
        const mass = this.hasDimension(expression, of(MASS));
        if (!this.unitsChecked || (!amount && !mass)) return this.concentrationOf(speciesName, expression);
        let added = this.expression(expression);
        if (mass) {
            const molarMass = this.molarMass(speciesName);
            const species = this.species(speciesName);
            if (molarMass) added = { kind: 'binary', op: '/', left: added, right: { kind: 'number', value: molarMass * 1e-6 } };
            else if (!species || this.speciesUnit(species) !== 'g/L') return { kind: 'number', value: Number.NaN };
        }
        const compartment = this.speciesCompartments.get(speciesName);
        return compartment ? { kind: 'binary', op: '/', left: added, right: { kind: 'name', name: compartment } } : { kind: 'number', value: Number.NaN };
    }

    /** The compartment of each species, filled once species are lowered. */
    readonly speciesCompartments = new Map<string, string>();

    /**
     * The unit a concentration was written in (`initial 80 pg/mL`, an expect's range), to show
     * its values in: a base value is `scale` of it. A mass unit for a species in µM goes through
     * the species' molar mass, as concentrationOf does.
     */
    displayUnitOf(speciesName: string | undefined, expression: Expression | undefined, baseUnit: string): DisplayUnit | undefined {
        if (!this.unitsChecked || !isQuantity(expression) || !expression.unit) return undefined;
        let written;
        try {
            written = parseUnit(expression.unit);
        } catch {
            return undefined;
        }
        const unit = expression.unit.trim();
        if (baseUnit === 'g/L' && sameDimension(written.dimension, MASS_CONCENTRATION)) return { unit, scale: written.scale };
        if (baseUnit !== 'uM') return undefined;
        if (sameDimension(written.dimension, AMOUNT_CONCENTRATION)) return { unit, scale: written.scale };
        const molarMass = speciesName ? this.molarMass(speciesName) : undefined;
        return molarMass && sameDimension(written.dimension, MASS_CONCENTRATION) ? { unit, scale: written.scale / (molarMass * 1e-6) } : undefined;
    }

    /**
     * The unit a range was written in (`from 0 ug/dL to 40 ug/dL`), to show its values in: that
     * of its first bound written as a non-zero number with a unit. A base value is `scale` of it,
     * the bound's lowered value over its written number, so a molar mass or a rate converts
     * exactly as lowering converted the bound.
     */
    rangeUnitOf(bounds: readonly { written: Expression | undefined; lowered: number }[]): DisplayUnit | undefined {
        if (!this.unitsChecked) return undefined;
        for (const { written, lowered } of bounds) {
            if (isQuantity(written) && written.unit && written.value !== 0 && Number.isFinite(lowered) && lowered !== 0) {
                return { unit: written.unit.trim(), scale: lowered / written.value };
            }
        }
        return undefined;
    }

    /**
     * The factor from a number written in `unit` (a measurement, a CSV cell) to base units: a mass
     * concentration of a species in µM goes through its molar mass, as concentrationOf does.
     * 1 under `units unchecked` or for an empty or unknown unit (checks report those).
     */
    unitFactor(speciesName: string | undefined, unit: string): number {
        if (!this.unitsChecked || unit.trim() === '') return 1;
        let written;
        try {
            written = parseUnit(unit);
        } catch {
            return 1;
        }
        const species = speciesName ? this.species(speciesName) : undefined;
        const molarMass = speciesName ? this.molarMass(speciesName) : undefined;
        const toAmount = species && molarMass && this.speciesUnit(species) === 'uM' && sameDimension(written.dimension, MASS_CONCENTRATION);
        return toAmount ? written.scale / (molarMass * 1e-6) : written.scale;
    }

    /** g/mol, when the species declares `molar_mass`. */
    molarMass(speciesName: string): number | undefined {
        const species = this.speciesByName.get(speciesName);
        const written = species?.members.find(member => member.$type === 'PropertyValue' && member.key === 'molar_mass');
        if (!written || written.$type !== 'PropertyValue') return undefined;
        const base = evaluateConstant(this.expression(written.value));
        // Base molar mass is g/µmol; the IR states g/mol.
        return base === undefined ? undefined : this.unitsChecked && this.hasDimension(written.value, MOLAR_MASS) ? base * 1e6 : base;
    }

    private hasDimension(expression: Expression | undefined, dimension: Dimension): boolean {
        const inferred = this.inference.dimensionOf(expression);
        return inferred !== undefined && sameDimension(inferred, dimension);
    }

    /** The base unit of an expression's inferred dimension (`1` when dimensionless, unknown or unchecked). */
    unitOf(expression: Expression | undefined): string {
        const dimension = this.unitsChecked ? this.inference.dimensionOf(expression) : undefined;
        return dimension ? baseUnitName(dimension) : '1';
    }

    /** A species is in g/L when written in mass units without a molar mass to convert them (docs/reference.md#species-members). */
    speciesUnit(species: Species): 'uM' | 'g/L' | '1' {
        if (!this.unitsChecked) return '1';
        const mass = sameDimension(this.inference.speciesDimension(species), MASS_CONCENTRATION);
        return mass && !this.molarMass(species.name) ? 'g/L' : 'uM';
    }

    species(name: string): Species | undefined {
        return this.speciesByName.get(name);
    }

    constant(expression: Expression | undefined, fallback: number): number {
        return expression ? evaluateConstant(this.expression(expression)) ?? fallback : fallback;
    }

    doc(node: AstNode): string | undefined {
        const comment = this.comments.getComment(node);
        return comment?.replace(/^\/\*\*?|\*\/$/g, '').split('\n').map(line => line.replace(/^\s*\*\s?/, '')).join('\n').trim() || undefined;
    }

    sourceOf(node: AstNode, file: string): SourceRef | undefined {
        const range = node.$cstNode?.range;
        if (!range) return undefined;
        return { file, line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
    }
}
