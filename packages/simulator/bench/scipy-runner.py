"""SciPy solve_ivp on the generated chain network (chain_rhs.py).
Usage: scipy-runner.py N METHOD RTOL ATOL TEND OUTPUTS [sparse] — prints JSON."""
import json, sys, time
import numpy as np
from scipy.integrate import solve_ivp
from chain_rhs import rhs, y0, sparsity

n, method, rtol, atol, t_end, outputs = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
extra = {'jac_sparsity': sparsity(n)} if 'sparse' in sys.argv[7:] else {}
t_eval = np.linspace(0, t_end, outputs)
start, cpu_start = time.perf_counter(), time.process_time()
solution = solve_ivp(rhs, (0, t_end), y0(n), method=method, rtol=rtol, atol=atol, t_eval=t_eval, **extra)
seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
print(json.dumps({'seconds': seconds, 'cpuSeconds': cpu_seconds, 'status': int(solution.status), 'message': solution.message,
                  'nfev': int(solution.nfev), 'njev': int(solution.njev), 'nlu': int(solution.nlu),
                  'values': solution.y.T.ravel().tolist()}))
