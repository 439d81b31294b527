/* CVODE (BDF, Newton, band direct solver with its difference-quotient Jacobian) on the chain
   network whose right-hand side the benchmark generates into chain_rhs.h.
   Usage: cvode-chain N RTOL ATOL TEND OUTPUTS — prints JSON like the SciPy runner. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <cvode/cvode.h>
#include <sunmatrix/sunmatrix_band.h>
#include <sunlinsol/sunlinsol_band.h>
#include "chain_rhs.h"

int main(int argc, char **argv) {
    long n = atol(argv[1]);
    double rtol = atof(argv[2]), atol_ = atof(argv[3]), tEnd = atof(argv[4]);
    int outputs = atoi(argv[5]);
    SUNContext ctx;
    SUNContext_Create(NULL, &ctx);
    N_Vector y = N_VNew_Serial(n, ctx);
    double *yd = N_VGetArrayPointer(y);
    for (long u = 0; u < n / 3; u++) { yd[3 * u] = 0.5; yd[3 * u + 1] = 5; yd[3 * u + 2] = 0.1; }
    double *values = malloc(sizeof(double) * n * outputs);
    struct timespec start, end, cpuStart, cpuEnd;
    clock_gettime(CLOCK_MONOTONIC, &start);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpuStart);
    void *mem = CVodeCreate(CV_BDF, ctx);
    CVodeInit(mem, rhs, 0.0, y);
    CVodeSStolerances(mem, rtol, atol_);
    CVodeSetMaxNumSteps(mem, 100000);
    SUNMatrix A = SUNBandMatrix(n, 2, 3, ctx);
    SUNLinearSolver LS = SUNLinSol_Band(y, A, ctx);
    CVodeSetLinearSolver(mem, LS, A);
    for (long i = 0; i < n; i++) values[i] = yd[i];
    int status = 0;
    for (int k = 1; k < outputs && status >= 0; k++) {
        double t, tout = tEnd * k / (outputs - 1);
        status = CVode(mem, tout, y, &t, CV_NORMAL);
        for (long i = 0; i < n; i++) values[k * n + i] = yd[i];
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpuEnd);
    long steps, nfe, nfeLS, njev, nsetups;
    CVodeGetNumSteps(mem, &steps);
    CVodeGetNumRhsEvals(mem, &nfe);
    CVodeGetNumLinRhsEvals(mem, &nfeLS);
    CVodeGetNumJacEvals(mem, &njev);
    CVodeGetNumLinSolvSetups(mem, &nsetups);
    printf("{\"seconds\": %.9f, \"cpuSeconds\": %.9f, \"status\": %d, \"steps\": %ld, \"nfev\": %ld, \"njev\": %ld, \"nlu\": %ld, \"values\": [",
           (end.tv_sec - start.tv_sec) + 1e-9 * (end.tv_nsec - start.tv_nsec),
           (cpuEnd.tv_sec - cpuStart.tv_sec) + 1e-9 * (cpuEnd.tv_nsec - cpuStart.tv_nsec), status, steps, nfe + nfeLS, njev, nsetups);
    for (long i = 0; i < n * outputs; i++) printf(i ? ",%.17g" : "%.17g", values[i]);
    printf("]}\n");
    return status < 0;
}
