/**
 * Links from a diagnostic's code to its section of docs/reference.md (the check's meaning and an
 * example). The editor shows the code as a link that opens the reference at the section's line
 * (`file:///…/docs/reference.md#L612`). Without a reference file, as in a workspace-less use
 * of the services, diagnostics carry no link.
 */
export class ReferenceLinks {
    private uri: string | undefined;
    private readonly lines = new Map<string, number>();

    /** Reads the check headings (`### unit-dimension`) of the reference at `uri`, whose text is `text`. */
    configure(uri: string, text: string): void {
        this.uri = uri;
        this.lines.clear();
        text.split('\n').forEach((line, index) => {
            const heading = /^### ([a-z]+(?:-[a-z]+)*)\s*$/.exec(line);
            if (heading && !this.lines.has(heading[1])) this.lines.set(heading[1], index + 1);
        });
    }

    /** The link to the section that explains `code`, if the reference has one. */
    href(code: string): string | undefined {
        const line = this.lines.get(code);
        return this.uri && line ? `${this.uri}#L${line}` : undefined;
    }
}
