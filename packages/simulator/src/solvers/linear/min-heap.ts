/** A binary min-heap of numbers (keys are small non-negative integers here). */
export class MinHeap {
    private readonly items: number[] = [];

    get size(): number {
        return this.items.length;
    }

    push(key: number): void {
        const items = this.items;
        let i = items.length;
        items.push(key);
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (items[parent] <= key) break;
            items[i] = items[parent];
            i = parent;
        }
        items[i] = key;
    }

    pop(): number {
        const items = this.items;
        const top = items[0];
        const last = items.pop()!;
        const n = items.length;
        if (n > 0) {
            let i = 0;
            for (;;) {
                let child = 2 * i + 1;
                if (child >= n) break;
                if (child + 1 < n && items[child + 1] < items[child]) child++;
                if (items[child] >= last) break;
                items[i] = items[child];
                i = child;
            }
            items[i] = last;
        }
        return top;
    }
}
