import { strict as assert } from 'node:assert';
import { divergingColour, mix, parseColour, scaleLimit, type DivergingScale } from '../src/shared/colour-scale.js';

describe('theme colours', () => {
    it('parses the colour forms VS Code themes use', () => {
        assert.deepEqual(parseColour('#1a85ff'), [26, 133, 255]);
        assert.deepEqual(parseColour('#fff'), [255, 255, 255]);
        assert.deepEqual(parseColour('#00000080'), [0, 0, 0]);
        assert.deepEqual(parseColour(' rgba(10, 20, 30, 0.5) '), [10, 20, 30]);
        assert.deepEqual(parseColour('rgb(1 2 3)'), [1, 2, 3]);
        assert.equal(parseColour('var(--x)'), undefined);
    });

    it('mixes colours and clamps the fraction', () => {
        assert.deepEqual(mix([0, 0, 0], [200, 100, 50], 0.5), [100, 50, 25]);
        assert.deepEqual(mix([0, 0, 0], [200, 100, 50], 2), [200, 100, 50]);
    });
});

describe('response colour scale', () => {
    const scale: DivergingScale = { negative: [0, 0, 255], neutral: [255, 255, 255], positive: [255, 0, 0], limit: 2 };

    it('runs from the negative colour through neutral to the positive colour', () => {
        assert.equal(divergingColour(-2, scale), 'rgb(0, 0, 255)');
        assert.equal(divergingColour(0, scale), 'rgb(255, 255, 255)');
        assert.equal(divergingColour(1, scale), 'rgb(255, 128, 128)');
        assert.equal(divergingColour(5, scale), 'rgb(255, 0, 0)');
    });

    it('shows a missing response as neutral', () => {
        assert.equal(divergingColour(undefined, scale), 'rgb(255, 255, 255)');
        assert.equal(divergingColour(NaN, scale), 'rgb(255, 255, 255)');
    });

    it('saturates at the strongest response, ignoring missing ones', () => {
        assert.equal(scaleLimit([0.5, -3, undefined, NaN]), 3);
    });
});
