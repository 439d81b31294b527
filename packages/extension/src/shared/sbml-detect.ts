/** SBML is XML whose root element is `sbml`; a look at the first few kilobytes suffices. */
export function looksLikeSbml(text: string): boolean {
    return /<sbml[\s>]/.test(text.slice(0, 4096));
}
