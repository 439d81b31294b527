/** Bad command-line usage: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

/** Input that cannot be read (missing file, unreadable folder): exit code 2. */
export class InputError extends Error {}

export const USAGE = `Usage: cascade <command> [options]

Commands:
  check <files or folders…> [--format human|json] [--simulate]
                         check models; exit 1 when any has an error (or a failed expect with --simulate)
  format [--check] <files…>
                         rewrite files in the canonical layout (--check: only report files that differ)
  simulate <file> [--scenario S] [--observe a,b] [--format csv|json] [--out F]
                  [--method auto|rk45|stiff] [--rtol x] [--atol x]
  steady <file> [--scenario S] [--format json]
  cascade <file> [--name C] [--format json]
  sensitivity <file> [--scenario S] [--of X,E.rate] [--wrt E.vmax,k1] [--time-course] [--format table|json|csv]
                         exact response coefficients of quantities to parameters at steady state
                         (--time-course: along the scenario's time course)
  mca <file> [--scenario S] [--format table|json|csv]
                         elasticities, flux and concentration control coefficients at steady state
  scan <file> [--name S] [--format table|json|csv]
                         a declared scan: dose–response (with a Hill fit and folds) or 2-D grid
  import <model.xml> [-o model.cascade]
  export <model.cascade> --sbml [-o model.xml]
  diagram <file> [-o out.svg] [--cascade C [--perturbation P]]
                         the reaction network as an SVG (with --cascade: nodes coloured by their response)
  lsp --stdio            the language server over stdio (Neovim, Emacs, Helix, …)

Exit codes: 0 success, 1 errors found, 2 bad usage or unreadable input.`;
