import { strict as assert } from 'node:assert';
import { parseFromWebview, parseModelError, parsePreviewState, pngBytes } from '../src/shared/protocol.js';

describe('webview message protocol', () => {
    it('accepts the messages the webview sends', () => {
        assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
        assert.deepEqual(parseFromWebview({ type: 'rendered', view: 'scenarios', series: 3 }), { type: 'rendered', view: 'scenarios', series: 3 });
        assert.deepEqual(parseFromWebview({ type: 'rendered', view: 'population', series: 2 }), { type: 'rendered', view: 'population', series: 2 });
        // The population view's buttons switch between a population's bands (with or without members), Sobol indices and Morris
        // effects, the time-course sensitivities' select between quantities; nothing else.
        assert.deepEqual(parseFromWebview({ type: 'switch', request: { view: 'sobol', name: 'P', extra: 1 } }), { type: 'switch', request: { view: 'sobol', name: 'P' } });
        assert.deepEqual(parseFromWebview({ type: 'switch', request: { view: 'morris', name: 'P' } }), { type: 'switch', request: { view: 'morris', name: 'P' } });
        assert.deepEqual(parseFromWebview({ type: 'switch', request: { view: 'population', name: 'P', members: true } }),
            { type: 'switch', request: { view: 'population', name: 'P', members: true } });
        assert.deepEqual(parseFromWebview({ type: 'switch', request: { view: 'population', name: 'P', members: 'yes' } }), { type: 'switch', request: { view: 'population', name: 'P' } });
        assert.deepEqual(parseFromWebview({ type: 'switch', request: { view: 'time-sensitivity', scenario: 'Base', quantity: 7 } }),
            { type: 'switch', request: { view: 'time-sensitivity', scenario: 'Base' } });
        for (const request of [{ view: 'scenarios', names: ['A'] }, { view: 'population' }, { view: 'sobol', name: 7 }, { view: 'morris' }, { view: 'fit', name: 'F' }, undefined]) {
            assert.equal(parseFromWebview({ type: 'switch', request }), undefined, JSON.stringify(request));
        }
        assert.deepEqual(parseFromWebview({ type: 'exported', format: 'svg', data: '<svg/>' }), { type: 'exported', format: 'svg', data: '<svg/>' });
        assert.deepEqual(parseFromWebview({ type: 'rendered', view: 'fit', series: 8 }), { type: 'rendered', view: 'fit', series: 8 });
        assert.deepEqual(parseFromWebview({ type: 'write-fitted', fit: 'ignored' }), { type: 'write-fitted' });
    });

    it('drops unknown or malformed messages', () => {
        for (const message of [null, 'ready', { type: 'run' }, { type: 'rendered', view: 'x', series: 1 }, { type: 'log', message: 1 }]) {
            assert.equal(parseFromWebview(message), undefined, JSON.stringify(message));
        }
    });

    it('accepts exported data only in the announced format', () => {
        assert.equal(parseFromWebview({ type: 'exported', format: 'png', data: '<svg/>' }), undefined);
        assert.equal(parseFromWebview({ type: 'exported', format: 'svg', data: 'data:image/png;base64,AA==' }), undefined);
    });

    it('accepts a chart\'s file to save only with a plain file name and data of its format', () => {
        assert.deepEqual(parseFromWebview({ type: 'save', format: 'csv', name: 'tornado-Serotonin_ext', data: 'a,b\n' }),
            { type: 'save', format: 'csv', name: 'tornado-Serotonin_ext', data: 'a,b\n' });
        assert.deepEqual(parseFromWebview({ type: 'rendered', view: 'scan', series: 2 }), { type: 'rendered', view: 'scan', series: 2 });
        for (const message of [
            { type: 'save', format: 'csv', name: '../../etc/passwd', data: '' },
            { type: 'save', format: 'svg', name: 'x', data: 'not svg' },
            { type: 'save', format: 'png', name: 'x', data: '<svg/>' },
            { type: 'save', format: 'exe', name: 'x', data: '' }
        ]) assert.equal(parseFromWebview(message), undefined, JSON.stringify(message));
    });

    it('restores the sensitivity, control, scan, Morris, members and time-course sensitivity views', () => {
        for (const request of [
            { view: 'sensitivity' }, { view: 'control', scenario: 'SSRI' }, { view: 'scan', name: 'Dose' }, { view: 'morris', name: 'P' },
            { view: 'population', name: 'P', members: true }, { view: 'time-sensitivity', scenario: 'Base', quantity: 'X' }, { view: 'time-sensitivity' }
        ]) {
            assert.deepEqual(parsePreviewState({ documentUri: 'file:///w/a.cascade', request })?.request, request);
        }
        assert.equal(parsePreviewState({ documentUri: 'file:///w/a.cascade', request: { view: 'scan' } })?.request, undefined);
    });

    it('copies only the known fields of a message', () => {
        assert.deepEqual(parseFromWebview({ type: 'ready', extra: 'ignored' }), { type: 'ready' });
    });

    it('decodes the PNG bytes of a data URL', () => {
        const bytes = pngBytes(`data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64')}`);
        assert.deepEqual([...bytes], [0x89, 0x50, 0x4e, 0x47]);
    });

    it('restores a preview state that names its document and what it showed', () => {
        const state = { documentUri: 'file:///w/a.cascade', request: { view: 'scenarios', names: ['Baseline', 'SSRI'] }, locked: true };
        assert.deepEqual(parsePreviewState(state), state);
        assert.deepEqual(parsePreviewState({ documentUri: 'file:///w/a.cascade', request: { view: 'cascade', name: 'Loading' } }),
            { documentUri: 'file:///w/a.cascade', request: { view: 'cascade', name: 'Loading' }, locked: false });
        assert.deepEqual(parsePreviewState({ documentUri: 'file:///w/a.cascade', request: { view: 'fit', name: 'Kinetics' } }),
            { documentUri: 'file:///w/a.cascade', request: { view: 'fit', name: 'Kinetics' }, locked: false });
        assert.deepEqual(parsePreviewState({ documentUri: 'file:///w/a.cascade', request: { view: 'fit' } }), { documentUri: 'file:///w/a.cascade', locked: false });
        for (const view of ['population', 'sobol']) {
            assert.deepEqual(parsePreviewState({ documentUri: 'file:///w/a.cascade', request: { view, name: 'P' } })?.request, { view, name: 'P' });
            assert.equal(parsePreviewState({ documentUri: 'file:///w/a.cascade', request: { view, name: 3 } })?.request, undefined);
        }
    });

    it('restores the document alone when what it showed is malformed, and nothing without a document', () => {
        assert.deepEqual(parsePreviewState({ documentUri: 'file:///w/a.cascade', request: { view: 'scenarios', names: [1] } }),
            { documentUri: 'file:///w/a.cascade', locked: false });
        for (const state of [undefined, null, {}, { documentUri: '' }, { documentUri: 7 }]) {
            assert.equal(parsePreviewState(state), undefined, JSON.stringify(state));
        }
    });

    it('reads the first model error a refused run carries', () => {
        assert.deepEqual(parseModelError({ line: 4, message: 'm', extra: 1 }), { line: 4, message: 'm' });
        assert.deepEqual(parseModelError({ file: 'b.cascade', line: 4, message: 'm' }), { file: 'b.cascade', line: 4, message: 'm' });
        assert.equal(parseModelError({ line: '4', message: 'm' }), undefined);
        assert.equal(parseModelError(undefined), undefined);
    });
});
