import path from 'node:path';
import { ModelLoader } from '@neurocascade/language';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseArguments } from '../arguments.js';
import { collectCascadeFiles, writeFileAtomically } from '../files.js';
import { UsageError } from '../usage.js';

/** `cascade format [--check] <files…>`: the formatter of the language server, applied to files. */
export async function format(args: string[]): Promise<number> {
    const { values, positionals } = parseArguments(args, { check: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('format needs at least one file');
    const files = await collectCascadeFiles(positionals);
    const loader = new ModelLoader();
    const loaded = await loader.loadFiles(files);
    const formatter = loader.services.lsp.Formatter;
    if (!formatter) throw new Error('the language has no formatter');
    let differing = 0;
    for (const { document } of loaded) {
        const syntaxErrors = document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length;
        const file = path.relative(process.cwd(), document.uri.fsPath);
        if (syntaxErrors > 0) {
            process.stderr.write(`${file}: not formatted, it has ${syntaxErrors} syntax error${syntaxErrors === 1 ? '' : 's'} (see cascade check)\n`);
            differing++;
            continue;
        }
        const edits = await formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
        const original = document.textDocument.getText();
        const formatted = TextDocument.applyEdits(document.textDocument as TextDocument, edits);
        if (formatted === original) continue;
        differing++;
        if (values.check) process.stdout.write(`${file}: not formatted\n`);
        else {
            await writeFileAtomically(document.uri.fsPath, formatted);
            process.stdout.write(`${file}: formatted\n`);
        }
    }
    return values.check && differing > 0 ? 1 : 0;
}
