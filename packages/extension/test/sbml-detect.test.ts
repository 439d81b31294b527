import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { looksLikeSbml } from '../src/shared/sbml-detect.js';

describe('recognising SBML when a file opens', () => {
    it('recognises SBML documents by their root element', () => {
        const suiteCase = fileURLToPath(new URL('../../../../../shared/sbml-test-suite/cases/00001/00001-sbml-l3v2.xml', import.meta.url));
        assert.equal(looksLikeSbml(readFileSync(suiteCase, 'utf8')), true);
        assert.equal(looksLikeSbml('<?xml version="1.0"?>\n<sbml xmlns="http://www.sbml.org/sbml/level2" level="2">'), true);
    });

    it('leaves other XML alone', () => {
        assert.equal(looksLikeSbml('<?xml version="1.0"?><project><sbmlish/></project>'), false);
        assert.equal(looksLikeSbml('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), false);
    });
});
