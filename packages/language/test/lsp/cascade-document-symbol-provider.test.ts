import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { expectSymbols } from 'langium/test';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { Cascade } from './lsp-services.js';

const symbols = expectSymbols(Cascade);

const TEXT = `model Raphe "Serotonin"
import "./cofactors.cascade"
compartment cytosol { volume 1 pL }
precursor Trp "L-tryptophan" in cytosol { initial 50 uM }
transmitter Serotonin
enzyme TPH2 { converts Trp -> Serotonin  vmax 2 uM/min  km 40 uM }
receptor HT1A { binds Serotonin kd 3 nM }
modulator Cortisol { level 12 ug/dL }
parameter k = 2
rate of Trp = 1 uM/min
scenario Baseline { simulate 48 h  observe Serotonin }
`;

describe('document symbols', () => {
    it('lists the header, imports and declarations, each with its kind\'s symbol kind', async () => {
        await symbols({
            text: TEXT,
            disposeAfterCheck: true,
            assert: (found: DocumentSymbol[]) => {
                assert.deepEqual(found.map(s => `${s.name}:${s.kind}:${s.detail}`), [
                    `model Raphe:${SymbolKind.Module}:Serotonin`,
                    `./cofactors.cascade:${SymbolKind.File}:import`,
                    `cytosol:${SymbolKind.Namespace}:compartment`,
                    `Trp:${SymbolKind.Variable}:precursor (species) — L-tryptophan`,
                    `Serotonin:${SymbolKind.Variable}:transmitter (species)`,
                    `TPH2:${SymbolKind.Class}:enzyme`,
                    `HT1A:${SymbolKind.Interface}:receptor`,
                    `Cortisol:${SymbolKind.Enum}:modulator`,
                    `k:${SymbolKind.Constant}:parameter`,
                    `rate of Trp:${SymbolKind.Operator}:rate rule`,
                    `Baseline:${SymbolKind.Package}:scenario`
                ]);
            }
        });
    });

    it('gives blocks their members as children, and selects the name', async () => {
        await symbols({
            text: TEXT,
            disposeAfterCheck: true,
            assert: (found: DocumentSymbol[]) => {
                const enzyme = found.find(s => s.name === 'TPH2')!;
                assert.deepEqual(enzyme.children!.map(c => c.name), ['converts Trp -> Serotonin', 'vmax 2 uM/min', 'km 40 uM']);
                assert.deepEqual(enzyme.selectionRange.start, { line: 5, character: 7 });
                assert.deepEqual(found.find(s => s.name === 'Baseline')!.children!.map(c => c.name), ['simulate 48 h', 'observe Serotonin']);
                assert.equal(found.find(s => s.name === 'Serotonin')!.children, undefined);
            }
        });
    });
});
