/**
 * Vectors appended back to back in one growing buffer. Allocating a typed array per step or
 * per output time costs more than the step itself on small models; here a vector costs a copy.
 */
export class VectorStore {
    private buffer: Float64Array;
    private used = 0;

    constructor(capacity = 256) {
        this.buffer = new Float64Array(Math.max(capacity, 16));
    }

    /** Copies `vector` in; returns where it starts. */
    append(vector: Float64Array): number {
        const offset = this.used;
        if (offset + vector.length > this.buffer.length) {
            const grown = new Float64Array(Math.max(2 * this.buffer.length, offset + vector.length));
            grown.set(this.buffer.subarray(0, offset));
            this.buffer = grown;
        }
        this.buffer.set(vector, offset);
        this.used += vector.length;
        return offset;
    }

    /** The `length` values from `offset` (a view: valid until the next append grows the buffer). */
    view(offset: number, length: number): Float64Array {
        return this.buffer.subarray(offset, offset + length);
    }
}
