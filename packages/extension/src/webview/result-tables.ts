/** The steady-state table and the list of expectations, built with textContent only. */
import type { ExpectOutcome, SteadyValue } from '@neurocascade/language/protocol';
import { displayUnitFor, format } from '../shared/display-units.js';

export function cell(text: string, className?: string): HTMLTableCellElement {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    return td;
}

export function renderSteadyState(table: HTMLTableElement, message: HTMLElement, values: SteadyValue[] | undefined, why?: string): void {
    const rows = (values ?? []).map(value => {
        const row = document.createElement('tr');
        row.dataset.name = value.name;
        row.dataset.value = String(value.value);
        // In its author's unit when the model writes one, else a readable prefix (docs/reference.md, Display units).
        const unit = displayUnitFor(value.unit, Math.abs(value.value), value.display);
        row.dataset.unit = unit.label;
        row.append(cell(value.name), cell(format(value.value * unit.factor), 'value'), cell(unit.label));
        return row;
    });
    table.tBodies[0].replaceChildren(...rows);
    table.hidden = rows.length === 0;
    message.hidden = !why;
    message.textContent = why ?? '';
}

/** The runs' warnings (a concentration driven below zero); the list is hidden when there are none. */
export function renderWarnings(list: HTMLElement, warnings: string[]): void {
    list.replaceChildren(...warnings.map(warning => {
        const item = document.createElement('li');
        item.textContent = warning;
        return item;
    }));
    list.hidden = warnings.length === 0;
}

export function renderExpects(list: HTMLElement, expects: ExpectOutcome[]): void {
    const items = expects.map(expect => {
        const item = document.createElement('li');
        item.dataset.passed = String(expect.passed);
        item.dataset.scenario = expect.scenario;
        // The simulator's verdict says what was read, when, against which bounds (`above`, `relative to`, …).
        item.textContent = `${expect.scenario}: ${expect.message}`;
        return item;
    });
    if (items.length === 0) {
        const none = document.createElement('li');
        none.textContent = 'No expectations in this scenario.';
        items.push(none);
    }
    list.replaceChildren(...items);
}
