import type { SourceRef } from '../ir.js';

/** A model that cannot be turned into equations (an unknown name, an algebraic loop, …). */
export class ModelError extends Error {
    constructor(message: string, readonly code = 'model', readonly source?: SourceRef) {
        super(message);
        this.name = 'ModelError';
    }
}

/** A run that failed, in the model's words: the time and, where one is to blame, the quantity. */
export class SimulationError extends Error {
    constructor(
        message: string,
        readonly reason: string,
        readonly time?: number,
        readonly quantity?: string
    ) {
        super(message);
        this.name = 'SimulationError';
    }
}
