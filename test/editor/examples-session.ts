// The UI suites' shared setup: mocha hooks that open code-server with the packaged extension on
// a throwaway copy of examples/ (or another folder), keep a screenshot after each test, and tear it all down.
import { join } from 'node:path';
import { openEditor, type EditorSession, type SessionOptions } from './editor-session.js';
import { packageExtension, repoRoot } from './extension-package.mjs';
import { copyWorkspace, type WorkspaceCopy } from './fixture-workspace.js';
import { Workbench } from './workbench.js';

export interface ExamplesSession {
    session: EditorSession;
    workbench: Workbench;
}

/** Call inside a `describe`; the returned object is filled in once its `before` hook has run. */
export function examplesSession(name: string, options: Pick<SessionOptions, 'workspaceTrust'> & { source?: string } = {}): ExamplesSession {
    const opened = {} as ExamplesSession;
    let workspace: WorkspaceCopy | undefined;

    before(async function () {
        this.timeout(300_000);
        const vsix = packageExtension({ quiet: true });
        const { source = join(repoRoot, 'examples'), ...sessionOptions } = options;
        workspace = copyWorkspace(source);
        opened.session = await openEditor({ name, folder: workspace.folder, vsix, ...sessionOptions });
        opened.workbench = new Workbench(opened.session.page);
        opened.session.page.setDefaultTimeout(20_000);
    });

    afterEach(async function () {
        const test = this.currentTest!;
        await opened.session?.screenshot(`${test.state === 'failed' ? 'FAILED-' : ''}${test.title}`);
    });

    after(async () => {
        await opened.session?.close();
        workspace?.remove();
    });

    return opened;
}
