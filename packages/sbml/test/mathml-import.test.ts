import * as assert from 'node:assert/strict';
import { importSbml, SbmlImportError } from '../src/index.js';
import { evaluateConstant, num } from '../src/expression-building.js';
import { factorialBody } from '../src/factorial-helper.js';
import { ruleOf, ruleText } from './sbml-fixtures.js';

const imported = (content: string) => ruleText(importSbml(ruleOf(content)).text);
const ci = (id: string) => `<ci> ${id} </ci>`;
const cn = (value: string, type = '') => `<cn${type ? ` type="${type}"` : ''}> ${value} </cn>`;
const apply = (op: string, ...args: string[]) => `<apply><${op}/>${args.join('')}</apply>`;

describe('MathML import', () => {
    it('keeps arithmetic structure with the fewest parentheses', () => {
        assert.equal(imported(apply('minus', ci('k'), apply('minus', cn('1'), ci('k')))), 'k - (1 - k)');
        assert.equal(imported(apply('times', apply('plus', ci('k'), cn('1')), ci('k'), cn('3'))), '(k + 1) * k * 3');
        assert.equal(imported(apply('power', apply('minus', ci('k')), cn('2'))), '(-k) ^ 2');
        assert.equal(imported(apply('divide', ci('k'), apply('divide', ci('k'), cn('2')))), 'k / (k / 2)');
    });

    it('reads every number form: integer, real, e-notation, rational', () => {
        assert.equal(imported(cn('42', 'integer')), '42');
        assert.equal(imported(cn('-2.5')), '-2.5');
        assert.equal(imported(`<cn type="e-notation"> 1.5 <sep/> -3 </cn>`), '0.0015');
        assert.equal(imported(`<cn type="rational"> 1 <sep/> 3 </cn>`), '1 / 3');
    });

    it('turns piecewise into nested if, with and without otherwise', () => {
        const piecewise = `<piecewise><piece>${ci('k')}${apply('gt', ci('k'), cn('1'))}</piece><otherwise>${cn('0')}</otherwise></piecewise>`;
        assert.equal(imported(piecewise), 'if(k > 1, k, 0)');
        const noOtherwise = `<piecewise><piece>${cn('1')}${apply('lt', ci('k'), cn('1'))}</piece></piecewise>`;
        assert.equal(imported(noOtherwise), 'if(k < 1, 1, 0 / 0)');
    });

    it('chains n-ary relations with and, and writes xor and implies with and/or/not', () => {
        assert.equal(imported(apply('lt', cn('0'), ci('k'), cn('5'))), 'if(0 < k and k < 5, 1, 0)');
        assert.equal(imported(apply('xor', apply('gt', ci('k'), cn('1')), apply('lt', ci('k'), cn('3')))),
            'if(k > 1 and not k < 3 or not k > 1 and k < 3, 1, 0)');
        assert.equal(imported(apply('implies', apply('gt', ci('k'), cn('1')), apply('gt', ci('k'), cn('0')))), 'if(not k > 1 or k > 0, 1, 0)');
    });

    it('drops constant truth values from piecewise conditions and logic', () => {
        assert.equal(imported(`<piecewise><piece>${ci('k')}<true/></piece><otherwise>${cn('2')}</otherwise></piecewise>`), 'k');
        assert.equal(imported(apply('and', '<true/>', apply('gt', ci('k'), cn('1')))), 'if(k > 1, 1, 0)');
    });

    it('maps functions to Cascade built-ins or their definitions', () => {
        assert.equal(imported(apply('log', `<logbase>${cn('2')}</logbase>`, ci('k'))), 'ln(k) / ln(2)');
        assert.equal(imported(apply('log', ci('k'))), 'log10(k)');
        assert.equal(imported(apply('root', `<degree>${cn('3')}</degree>`, ci('k'))), 'k ^ (1 / 3)');
        assert.equal(imported(apply('ceiling', ci('k'))), 'ceil(k)');
        assert.equal(imported(apply('tan', ci('k'))), 'sin(k) / cos(k)');
        assert.equal(imported(apply('max', ci('k'), cn('1'), cn('2'))), 'max(max(k, 1), 2)');
        assert.equal(imported(apply('abs', apply('minus', ci('k'), cn('1')))), 'abs(k - 1)');
    });

    it('writes the time symbol, avogadro and the MathML constants', () => {
        assert.equal(imported(`<csymbol definitionURL="http://www.sbml.org/sbml/symbols/time"> t </csymbol>`), 't');
        assert.equal(imported(`<csymbol definitionURL="http://www.sbml.org/sbml/symbols/avogadro"> a </csymbol>`), '6.02214179e+23');
        assert.equal(imported(apply('times', '<exponentiale/>', '<pi/>')), `exp(1) * ${Math.PI}`);
        assert.equal(imported(apply('minus', '<infinity/>')), '-(1 / 0)');
    });

    it('folds a factorial of a constant', () => {
        assert.equal(imported(apply('factorial', cn('5'))), '120');
    });

    it('defines a factorial helper for a factorial of a varying value', () => {
        const { text } = importSbml(ruleOf(apply('factorial', ci('k'))));
        assert.equal(ruleText(text), 'factorial(k)');
        assert.match(text, /^function factorial\(factorial_n\) = /m);
    });

    it('computes n! with the helper to 2e-13 relative for n = 0 … 170', () => {
        let exact = 1;
        for (let n = 0; n <= 170; n++) {
            if (n > 0) exact *= n;
            const value = evaluateConstant(factorialBody(num(n)))!;
            assert.ok(Math.abs(value - exact) <= 2e-13 * exact, `${n}! = ${exact}, helper gives ${value}`);
        }
    });

    it('writes nested calls as plain positional arguments', () => {
        assert.equal(imported(apply('exp', apply('exp', ci('k')))), 'exp(exp(k))');
    });

    it('maps the inverse trigonometric functions, arcsec/arccsc/arccot through the reciprocal', () => {
        assert.equal(imported(apply('arccos', ci('k'))), 'acos(k)');
        assert.equal(imported(apply('arccot', ci('k'))), 'atan(1 / k)');
    });

    it('rejects MathML it does not know, naming the element', () => {
        assert.throws(() => importSbml(ruleOf(apply('lcm', ci('k'), cn('2')))), (e: SbmlImportError) =>
            e.path.endsWith("assignmentRule[@variable='x']/math/apply/lcm") && /<lcm> is not supported/.test(e.message));
        assert.throws(() => importSbml(ruleOf(`<apply><csymbol definitionURL="http://www.sbml.org/sbml/symbols/delay">d</csymbol>${ci('k')}${cn('1')}</apply>`)),
            (e: SbmlImportError) => e.unsupported && e.path.endsWith('/math/apply/csymbol') && /csymbol 'http:\/\/www.sbml.org\/sbml\/symbols\/delay' is not supported/.test(e.message));
    });
});
