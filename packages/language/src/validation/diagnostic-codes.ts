/** The codes of docs/reference.md#checks; every diagnostic carries one in `code` and in `data.code`. */
export const CODE_SYNTAX = 'syntax';
export const CODE_UNRESOLVED = 'unresolved';
export const CODE_IMPORT_CYCLE = 'import-cycle';
export const CODE_DUPLICATE = 'duplicate';
export const CODE_WRONG_KIND = 'wrong-kind';
export const CODE_UNIT_DIMENSION = 'unit-dimension';
export const CODE_UNIT_UNKNOWN = 'unit-unknown';
export const CODE_UNIT_MISSING = 'unit-missing';
export const CODE_RANGE = 'range';
export const CODE_MISSING_KINETICS = 'missing-kinetics';
export const CODE_KM_NOT_SUBSTRATE = 'km-not-substrate';
export const CODE_DEPLETED = 'depleted';
export const CODE_ACCUMULATES = 'accumulates';
export const CODE_NOT_COFACTOR = 'not-cofactor';
export const CODE_UNBOUND_TRANSMITTER = 'unbound-transmitter';
export const CODE_NO_BALANCE = 'no-balance';
export const CODE_ALGEBRAIC_LOOP = 'algebraic-loop';
export const CODE_EXTENDS_CYCLE = 'extends-cycle';
export const CODE_UNUSED = 'unused';
/** A data file that cannot be read or parsed, a measurement without its sd, an empty data block. */
export const CODE_DATA_FILE = 'data-file';
/** A fit without data or estimates, or one estimating a property twice. */
export const CODE_FIT_INCOMPLETE = 'fit-incomplete';
/** Produced by running a scenario (simulation), not by the validator. */
export const CODE_EXPECT_FAILED = 'expect-failed';

/** Every code of docs/reference.md#checks that the validator (not the simulator) produces. */
export const VALIDATION_CODES = [
    CODE_SYNTAX, CODE_UNRESOLVED, CODE_DUPLICATE, CODE_WRONG_KIND, CODE_UNIT_DIMENSION, CODE_UNIT_UNKNOWN,
    CODE_UNIT_MISSING, CODE_RANGE, CODE_MISSING_KINETICS, CODE_KM_NOT_SUBSTRATE, CODE_DEPLETED, CODE_ACCUMULATES,
    CODE_NOT_COFACTOR, CODE_UNBOUND_TRANSMITTER, CODE_NO_BALANCE, CODE_ALGEBRAIC_LOOP, CODE_IMPORT_CYCLE,
    CODE_EXTENDS_CYCLE, CODE_UNUSED, CODE_DATA_FILE, CODE_FIT_INCOMPLETE
] as const;
