/** Codes of LANGUAGE.md §12; every diagnostic carries one in `code` and in `data.code`. */
export const CODE_SYNTAX = 'syntax';
export const CODE_UNRESOLVED = 'unresolved';
export const CODE_IMPORT_CYCLE = 'import-cycle';
