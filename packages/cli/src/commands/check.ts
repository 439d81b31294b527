import path from 'node:path';
import { hasErrors, ModelLoader, type CascadeDiagnostic } from '@neurocascade/language';
import { oneOf, parseArguments } from '../arguments.js';
import { collectCascadeFiles, workspaceRoots } from '../files.js';
import { UsageError } from '../usage.js';
import { simulateExpectations } from '../simulation/expectations.js';

/** `cascade check <files or folders…> [--format human|json] [--simulate]`. */
export async function check(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, { format: { type: 'string' }, simulate: { type: 'boolean' } });
    const outputFormat = oneOf(values.format, ['human', 'json'] as const, 'human', '--format');
    if (positionals.length === 0) throw new UsageError('check needs at least one file or folder');
    const files = await collectCascadeFiles(positionals);
    const loader = new ModelLoader();
    workspaceRoots(positionals).forEach(root => loader.addWorkspaceRoot(root));
    const loaded = await loader.loadFiles(files);
    const diagnostics = loaded.flatMap(item => item.diagnostics);
    if (values.simulate) {
        for (const item of loaded) if (item.model) diagnostics.push(...(await simulateExpectations(item.model, item.document.uri.fsPath)));
    }
    diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    process.stdout.write(outputFormat === 'json' ? JSON.stringify(diagnostics, null, 2) + '\n' : humanReport(diagnostics, files.length));
    return hasErrors(diagnostics) || diagnostics.some(diagnostic => diagnostic.code === 'expect-failed') ? 1 : 0;
}

function humanReport(diagnostics: CascadeDiagnostic[], fileCount: number): string {
    const lines = diagnostics.map(d => `${path.relative(process.cwd(), d.file) || d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
    const errors = diagnostics.filter(d => d.severity === 'error').length;
    const warnings = diagnostics.filter(d => d.severity === 'warning').length;
    lines.push(`${fileCount} file${fileCount === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
    return lines.join('\n') + '\n';
}
