/** The steady-state table and the list of expectations, built with textContent only. */
import { inDisplay } from '@neurocascade/language/display-units';
import type { ExpectOutcome } from '@neurocascade/language/protocol';
import { steadyRows, type SteadyColumn } from '@neurocascade/language/results/steady-table';
import { format, unitLabel } from '../shared/display-units.js';

export function cell(text: string, className?: string): HTMLTableCellElement {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    return td;
}

/**
 * The table `cascade steady` prints (the same rows, one column per scenario), each row in the
 * unit its author wrote, else a readable prefix (docs/reference.md, Display units).
 */
export function renderSteadyState(table: HTMLTableElement, message: HTMLElement, columns: readonly SteadyColumn[], why?: string): void {
    const rows = steadyRows(columns).map(steady => {
        const row = document.createElement('tr');
        row.dataset.name = steady.name;
        row.dataset.value = String(steady.values[0] ?? '');
        const unit = unitLabel(steady.display?.unit ?? steady.unit);
        row.dataset.unit = unit;
        row.append(cell(steady.name), cell(unit), ...steady.values.map(value => cell(value === null ? '' : format(inDisplay(value, steady.display)!), 'value')));
        return row;
    });
    const header = document.createElement('tr');
    header.append(...['quantity', 'unit', ...columns.map(column => column.scenario)].map(text => {
        const th = document.createElement('th');
        th.textContent = text;
        return th;
    }));
    table.tHead?.replaceChildren(header);
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
