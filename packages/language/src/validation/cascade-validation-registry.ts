import { ValidationRegistry, isOperationCancelled, type ValidationCheck } from 'langium';

const CRASH_CONTEXT = 'An error occurred during validation';

/**
 * Calls each check directly. Langium wraps every check in an async function, two promises per
 * node and check; Cascade's checks are synchronous, and a 20,000-line model has hundreds of
 * thousands of nodes. A check that throws still becomes an error on its node, as in Langium.
 */
export class CascadeValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            try {
                const result = check.call(thisObj, node, accept, cancelToken);
                return result instanceof Promise ? this.handleException(() => result, CRASH_CONTEXT, accept, node) : result;
            } catch (error) {
                if (isOperationCancelled(error)) throw error;
                // Langium's handler reports it (logged, and an error on the node) before it returns.
                return this.handleException(() => { throw error; }, CRASH_CONTEXT, accept, node);
            }
        };
    }
}
