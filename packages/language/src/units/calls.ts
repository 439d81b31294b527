import { BUILTIN_FUNCTIONS, TIME_COURSE_ARGUMENTS } from '@neurocascade/simulator';
import { isFunctionDecl, type Argument, type Call, type FunctionDecl, type NamedElement } from '../generated/ast.js';

/** What a call `f(…)` calls: a user function, a built-in, a name that is no function, or nothing. */
export type CallTarget =
    | { kind: 'user'; decl: FunctionDecl }
    | { kind: 'builtin'; name: string }
    | { kind: 'not-function'; target: NamedElement }
    | { kind: 'unresolved' };

/** A declared function shadows the built-in of the same name. */
export function resolveCall(call: Call): CallTarget {
    const target = call.func?.ref as NamedElement | undefined;
    if (target) return isFunctionDecl(target) ? { kind: 'user', decl: target } : { kind: 'not-function', target };
    const name = call.func?.$refText ?? '';
    return BUILTIN_FUNCTIONS.has(name) ? { kind: 'builtin', name } : { kind: 'unresolved' };
}

export function isTimeCourse(name: string): boolean {
    return TIME_COURSE_ARGUMENTS.has(name);
}

/** Time-course arguments that are times (the others are values of the course's dimension). */
const TIME_ARGUMENTS = new Set(['peak', 'period', 'start', 'duration', 'at']);

/** `peak` is a time in `circadian` and a value in `pulse`. */
export function isTimeArgument(course: string, argument: string): boolean {
    return TIME_ARGUMENTS.has(argument) && !(course === 'pulse' && argument === 'peak');
}

/** The arguments of a time course that carry its values (not its times), by name. */
export function valueArguments(call: Call, course: string): Argument[] {
    const names = TIME_COURSE_ARGUMENTS.get(course) ?? [];
    return call.args.filter(arg => arg.name && names.includes(arg.name) && !isTimeArgument(course, arg.name));
}
