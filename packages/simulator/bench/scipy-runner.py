"""SciPy solve_ivp on a generated problem module (rhs, y0, t_out, breaks, sparsity(), and jac for
models): one solve_ivp call per segment [previous break, break], as ours restarts at time-course
switches. JACOBIAN: 'none' (finite differences over the dense matrix), 'sparsity' (finite
differences grouped by the pattern, jac_sparsity) or 'analytic' (the module's jac).
Usage: scipy-runner.py MODULE METHOD RTOL ATOL JACOBIAN REPEATS — prints JSON: the median time
of the runs after the first (the first alone when REPEATS is 1), the first separately."""
import importlib, json, sys, time
import numpy as np
from scipy.integrate import solve_ivp

name, method, rtol, atol, jacobian, repeats = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), sys.argv[5], int(sys.argv[6])
problem = importlib.import_module(name)
extra = {'none': {}, 'sparsity': {'jac_sparsity': problem.sparsity()}, 'analytic': {'jac': getattr(problem, 'jac', None)}}[jacobian]


def run():
    t_out, y, start = problem.t_out, problem.y0, 0.0
    values, counts, status, message = [], {'nfev': 0, 'njev': 0, 'nlu': 0}, 0, ''
    for end in problem.breaks:
        inside = [s for s in t_out if start <= s < end or s == end == problem.breaks[-1]]
        solution = solve_ivp(problem.rhs, (start, end), y, method=method, rtol=rtol, atol=atol,
                             t_eval=sorted(set(inside + [end])), **extra)
        for key in counts:
            counts[key] += int(getattr(solution, key))
        status, message = int(solution.status), solution.message
        if status < 0:
            break
        values += [solution.y[:, k] for k, s in enumerate(solution.t) if s in inside]
        y, start = solution.y[:, -1], end
    return values, counts, status, message


wall, cpu = [], []
for _ in range(repeats):
    started, cpu_started = time.perf_counter(), time.process_time()
    values, counts, status, message = run()
    wall.append(time.perf_counter() - started)
    cpu.append(time.process_time() - cpu_started)
warm = lambda xs: float(np.median(xs[1:])) if len(xs) > 1 else xs[0]
print(json.dumps({'seconds': warm(wall), 'cpuSeconds': warm(cpu), 'firstSeconds': wall[0], 'firstCpuSeconds': cpu[0],
                  'runs': repeats, 'status': status, 'message': message, **counts,
                  'values': np.concatenate(values).tolist() if values else []}))
