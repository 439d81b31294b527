import type { ValidationAcceptor, ValidationChecks } from 'langium';
import { BUILTIN_FUNCTIONS, TIME_COURSE_ARGUMENTS } from '@neurocascade/simulator';
import type { Call, CascadeAstType } from '../generated/ast.js';
import { isTimeCourse, resolveCall } from '../units/calls.js';
import { kindName, withArticle } from './declaration-kinds.js';
import { CODE_WRONG_KIND } from './diagnostic-codes.js';

/** wrong-kind on calls: calling a non-function, the wrong number of arguments, time-course argument names (docs/reference.md#time-courses, #expressions). */
export function callChecks(): ValidationChecks<CascadeAstType> {
    return { Call: checkCall };
}

function checkCall(call: Call, accept: ValidationAcceptor): void {
    const callee = resolveCall(call);
    const fail = (message: string, info: Parameters<ValidationAcceptor>[2]) => accept('error', message, { ...info, data: { code: CODE_WRONG_KIND } });
    if (callee.kind === 'not-function') {
        fail(`'${callee.target.name}' is ${withArticle(kindName(callee.target))}, not a function.`, { node: call, property: 'func' });
        return;
    }
    if (callee.kind === 'unresolved') return;
    if (callee.kind === 'builtin' && isTimeCourse(callee.name)) {
        checkTimeCourse(call, callee.name, fail);
        return;
    }
    const name = callee.kind === 'user' ? callee.decl.name : callee.name;
    const arity = callee.kind === 'user' ? callee.decl.params.length : BUILTIN_FUNCTIONS.get(callee.name);
    call.args.forEach((arg, index) => {
        if (arg.name) fail(`${name} takes its arguments by position; remove '${arg.name}'.`, { node: call, property: 'args', index });
    });
    if (call.args.length !== arity) {
        fail(`${name} takes ${arity} argument${arity === 1 ? '' : 's'}, not ${call.args.length}.`, { node: call, property: 'func' });
    }
}

/** Time courses take every one of their named arguments once, in any order. */
function checkTimeCourse(call: Call, course: string, fail: (message: string, info: Parameters<ValidationAcceptor>[2]) => void): void {
    const names = TIME_COURSE_ARGUMENTS.get(course) ?? [];
    const signature = () => `${course}(${names.join(', ')})`;
    const seen = new Set<string>();
    call.args.forEach((arg, index) => {
        if (!arg.name) fail(`Name this argument: ${signature()}.`, { node: call, property: 'args', index });
        else if (!names.includes(arg.name)) fail(`${course} has no argument '${arg.name}'; it takes ${names.join(', ')}.`, { node: arg, property: 'name' });
        else if (seen.has(arg.name)) fail(`'${arg.name}' is given twice.`, { node: arg, property: 'name' });
        seen.add(arg.name ?? '');
    });
    const missing = names.filter(name => !seen.has(name));
    if (missing.length > 0) fail(`${course} is missing ${missing.map(name => `'${name}'`).join(', ')}: ${signature()}.`, { node: call, property: 'func' });
}
