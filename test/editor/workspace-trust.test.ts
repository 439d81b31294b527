// In an untrusted workspace a preview asks before it runs a simulation. code-server
// starts with workspace trust on (no --disable-workspace-trust), so the examples folder opens
// in Restricted Mode; a user runs a scenario, declines, then allows it.
import assert from 'node:assert/strict';
import { examplesSession } from './examples-session.js';
import { paintedPixels } from './workbench.js';

const example = 'serotonin.cascade';
const question = 'This workspace is not trusted';
/** Long enough for a run of the example to reach the screen (it takes well under a second). */
const settleMs = 2_000;

describe('Workspace trust in code-server', function () {
    this.timeout(120_000);
    this.bail(true);
    const editor = examplesSession('workspace-trust', { workspaceTrust: true });

    const dialog = () => editor.session.page.locator('.monaco-dialog-box', { hasText: question });
    const previewTab = () => editor.session.page.locator('.tab', { hasText: `Preview ${example}` });

    async function runScenario(name: string): Promise<void> {
        await editor.workbench.runCommand('NeuroCascade: Run Scenario');
        await editor.workbench.pick(new RegExp(`^${name}`));
    }

    it('opens the folder in Restricted Mode', async () => {
        await editor.session.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor();
        await editor.workbench.openFile(example);
    });

    it('asks before running a scenario, and runs nothing when declined', async () => {
        await runScenario('Baseline');
        await dialog().waitFor();
        assert.equal(await previewTab().count(), 0, 'no preview opens while the question is open');
        await dialog().getByRole('button', { name: 'Cancel' }).click();
        await dialog().waitFor({ state: 'detached' });
        await new Promise((resolve) => setTimeout(resolve, settleMs));
        assert.equal(await previewTab().count(), 0, 'declining opens no preview');
        assert.equal(await editor.session.page.locator('iframe.webview').count(), 0, 'declining runs nothing');
    });

    it('runs the scenario once the user allows it', async () => {
        await runScenario('Baseline');
        await dialog().getByRole('button', { name: 'Run' }).click();
        await editor.workbench.preview.locator('#title', { hasText: /^Baseline/ }).waitFor({ timeout: 30_000 });
        const painted = await editor.workbench.preview.locator('#time-course canvas').first().evaluate(paintedPixels);
        assert.ok(painted > 1000, `the time-course canvas has ${painted} painted pixels`);
    });

    it('does not ask again in the same session', async () => {
        await runScenario('SSRI');
        await editor.workbench.preview.locator('#title', { hasText: /^SSRI/ }).waitFor({ timeout: 30_000 });
        assert.equal(await dialog().count(), 0);
    });
});
