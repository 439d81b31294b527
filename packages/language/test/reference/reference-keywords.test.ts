import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AstUtils, GrammarAST } from 'langium';
import { CascadeLanguageGrammar } from '../../src/generated/grammar.js';

/** docs/reference.md is the user reference: every keyword the parser knows must be documented there. */
const REFERENCE = fileURLToPath(new URL('../../../../../docs/reference.md', import.meta.url));

/** Every keyword of the grammar, as Langium's parser sees them. */
function grammarKeywords(): Set<string> {
    return new Set(AstUtils.streamAllContents(CascadeLanguageGrammar()).filter(GrammarAST.isKeyword).map(k => k.value));
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to dashes. */
function anchorOf(heading: string): string {
    return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}_\- ]/gu, '').replace(/ /g, '-');
}

interface Reference {
    headings: string[];
    anchors: Set<string>;
    /** Keyword → the anchors its index row links to. */
    index: Map<string, string[]>;
}

function readReference(): Reference {
    const text = readFileSync(REFERENCE, 'utf8');
    const headings = [...text.matchAll(/^#{2,4} (.+)$/gm)].map(m => m[1]);
    const section = text.split(/^## Keyword index$/m)[1] ?? '';
    const index = new Map<string, string[]>();
    for (const row of section.split('\n').filter(line => line.startsWith('| `'))) {
        const [keywords, links] = row.split('|').slice(1, 3);
        const targets = [...links.matchAll(/\]\(#([^)]+)\)/g)].map(m => m[1]);
        for (const [, keyword] of keywords.matchAll(/`([^`]+)`/g)) index.set(keyword, targets);
    }
    return { headings, anchors: new Set(headings.map(anchorOf)), index };
}

describe('docs/reference.md covers the grammar', () => {
    const reference = readReference();
    const keywords = grammarKeywords();

    it('reads the grammar and the index (neither is empty)', () => {
        assert.ok(keywords.size > 80, `only ${keywords.size} keywords read from the grammar`);
        assert.ok(reference.index.size > 80, `only ${reference.index.size} keywords read from the index`);
    });

    it('every keyword of the grammar is in the keyword index or a heading', () => {
        const inHeadings = (keyword: string) => reference.headings.some(h => h.split(/[\s`]+/).includes(keyword));
        const missing = [...keywords].filter(keyword => !reference.index.has(keyword) && !inHeadings(keyword));
        assert.deepEqual(missing, [], `keywords the reference does not document: ${missing.join(' ')}`);
    });

    it('every index entry is a keyword of the grammar and links to a heading that exists', () => {
        const problems: string[] = [];
        for (const [keyword, targets] of reference.index) {
            if (!keywords.has(keyword)) problems.push(`'${keyword}' is not a keyword of the grammar`);
            if (targets.length === 0) problems.push(`'${keyword}' links to no section`);
            for (const target of targets) if (!reference.anchors.has(target)) problems.push(`'${keyword}' links to #${target}, which is no heading`);
        }
        assert.deepEqual(problems, []);
    });

    it('every link inside the reference points to a heading that exists', () => {
        const text = readFileSync(REFERENCE, 'utf8');
        const broken = [...text.matchAll(/\]\(#([^)]+)\)/g)].map(m => m[1]).filter(anchor => !reference.anchors.has(anchor));
        assert.deepEqual([...new Set(broken)], []);
    });
});
