import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { FoldingRangeKind } from 'vscode-languageserver';
import { Cascade, documentAt } from './lsp-services.js';

const TEXT = [
    '// Serotonin terminal',          // 0
    '// after Best 2010',             // 1
    '/**',                            // 2
    ' * Rate-limiting enzyme.',       // 3
    ' */',                            // 4
    'enzyme TPH2 {',                  // 5
    '    converts Trp -> HTP',        // 6
    '    vmax 2 uM/min',              // 7
    '    km 40 uM',                   // 8
    '}',                              // 9
    'parameter r = 1',                // 10
    'scenario S {',                   // 11
    '    observe Trp,',               // 12
    '        HTP,',                   // 13
    '        r',                      // 14
    '    when r > 1 {',               // 15
    '        set r 2',                // 16
    '        set r 3',                // 17
    '    }',                          // 18
    '}'                               // 19
].join('\n');

describe('folding ranges', () => {
    it('folds blocks, nested scenario blocks and comment runs, but not a statement that spans lines', async () => {
        const document = await documentAt('file:///folding/model.cascade', TEXT);
        const ranges = await Cascade.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
        const folds = ranges.map(r => `${r.startLine}-${r.endLine}${r.kind === FoldingRangeKind.Comment ? ' comment' : ''}`).sort();
        assert.deepEqual(folds, ['0-1 comment', '11-18', '15-17', '2-3 comment', '5-8'].sort());
    });
});
