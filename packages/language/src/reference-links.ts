/**
 * Links into docs/reference.md: from a diagnostic's code to its check's section, from a hovered
 * declaration to the section of its kind. A link opens the reference at the section's line
 * (`file:///…/docs/reference.md#L612`). Until a reference file is configured, as in a
 * workspace-less use of the services, there are no links.
 */
export class ReferenceLinks {
    private uri: string | undefined;
    private readonly lines = new Map<string, number>();

    /** Reads the headings (`## Enzymes`, `### unit-dimension`) of the reference at `uri`, whose text is `text`. */
    configure(uri: string, text: string): void {
        this.uri = uri;
        this.lines.clear();
        text.split('\n').forEach((line, index) => {
            const heading = /^#{2,4} (.+?)\s*$/.exec(line);
            if (heading && !this.lines.has(heading[1])) this.lines.set(heading[1], index + 1);
        });
    }

    /** The link to the section headed `heading` (a check's code, a declaration kind's section), if there is one. */
    href(heading: string): string | undefined {
        const line = this.lines.get(heading);
        return this.uri && line ? `${this.uri}#L${line}` : undefined;
    }
}
