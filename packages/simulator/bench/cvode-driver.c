/* CVODE (BDF, Newton) on a generated problem, problem.h: NEQ, Y0, T_OUT, BREAKS (segment ends;
   integration restarts at each, as ours does at time-course switches) and rhs. With NNZ and
   jac (an analytic CSR Jacobian) it uses the KLU sparse direct solver; with BAND_UPPER and
   BAND_LOWER the band solver and CVODE's difference-quotient Jacobian.
   Usage: cvode-driver RTOL ATOL REPEATS — prints JSON like scipy-runner.py: the median time
   of the runs after the first (the first alone when REPEATS is 1), the first separately. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <cvode/cvode.h>
#include "problem.h"
#ifdef NNZ
#include <sunlinsol/sunlinsol_klu.h>
#else
#include <sunmatrix/sunmatrix_band.h>
#include <sunlinsol/sunlinsol_band.h>
#endif

struct counts { long steps, nfe, njev, nlu; };

static void add_counts(void *mem, struct counts *c) {
    long steps, nfe, nfeLS, njev, nsetups;
    CVodeGetNumSteps(mem, &steps);
    CVodeGetNumRhsEvals(mem, &nfe);
    CVodeGetNumLinRhsEvals(mem, &nfeLS);
    CVodeGetNumJacEvals(mem, &njev);
    CVodeGetNumLinSolvSetups(mem, &nsetups);
    c->steps += steps; c->nfe += nfe + nfeLS; c->njev += njev; c->nlu += nsetups;
}

/* One whole run from Y0 through every output time; returns the CVODE status. */
static int run(SUNContext ctx, double rtol, double atol_, double *values, struct counts *c) {
    N_Vector y = N_VNew_Serial(NEQ, ctx);
    double *yd = N_VGetArrayPointer(y);
    for (long i = 0; i < NEQ; i++) yd[i] = Y0[i];
    void *mem = CVodeCreate(CV_BDF, ctx);
    CVodeInit(mem, rhs, 0.0, y);
    CVodeSStolerances(mem, rtol, atol_);
    CVodeSetMaxNumSteps(mem, 1000000);
#ifdef NNZ
    SUNMatrix A = SUNSparseMatrix(NEQ, NEQ, NNZ, CSR_MAT, ctx);
    SUNLinearSolver LS = SUNLinSol_KLU(y, A, ctx);
    CVodeSetLinearSolver(mem, LS, A);
    CVodeSetJacFn(mem, jac);
#else
    SUNMatrix A = SUNBandMatrix(NEQ, BAND_UPPER, BAND_LOWER, ctx);
    SUNLinearSolver LS = SUNLinSol_Band(y, A, ctx);
    CVodeSetLinearSolver(mem, LS, A);
#endif
    int segment = 0, status = 0;
    double t = 0;
    CVodeSetStopTime(mem, BREAKS[0]);
    for (int k = 0; k < NOUT && status >= 0; k++) {
        while (T_OUT[k] > BREAKS[segment] && status >= 0) {
            if (t < BREAKS[segment]) status = CVode(mem, BREAKS[segment], y, &t, CV_NORMAL);
            add_counts(mem, c);
            CVodeReInit(mem, BREAKS[segment], y);
            CVodeSetStopTime(mem, BREAKS[++segment]);
        }
        if (T_OUT[k] > t && status >= 0) status = CVode(mem, T_OUT[k], y, &t, CV_NORMAL);
        for (long i = 0; i < NEQ; i++) values[k * NEQ + i] = yd[i];
    }
    add_counts(mem, c);
    CVodeFree(&mem);
    SUNLinSolFree(LS);
    SUNMatDestroy(A);
    N_VDestroy(y);
    return status;
}

static double seconds(struct timespec a, struct timespec b) {
    return (b.tv_sec - a.tv_sec) + 1e-9 * (b.tv_nsec - a.tv_nsec);
}

static int ascending(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median of xs[from..count), or xs[0] when that is empty. */
static double median_after(double *xs, int from, int count) {
    if (count <= from) return xs[0];
    qsort(xs + from, count - from, sizeof *xs, ascending);
    return xs[from + (count - from) / 2];
}

int main(int argc, char **argv) {
    double rtol = atof(argv[1]), atol_ = atof(argv[2]);
    int repeats = argc > 3 ? atoi(argv[3]) : 1;
    SUNContext ctx;
    SUNContext_Create(NULL, &ctx);
    double *values = malloc(sizeof(double) * NEQ * NOUT);
    double *wall = malloc(sizeof(double) * repeats), *cpu = malloc(sizeof(double) * repeats);
    struct counts c;
    int status = 0;
    for (int r = 0; r < repeats; r++) {
        struct timespec start, end, cpuStart, cpuEnd;
        c = (struct counts){0, 0, 0, 0};
        clock_gettime(CLOCK_MONOTONIC, &start);
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpuStart);
        status = run(ctx, rtol, atol_, values, &c);
        clock_gettime(CLOCK_MONOTONIC, &end);
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpuEnd);
        wall[r] = seconds(start, end);
        cpu[r] = seconds(cpuStart, cpuEnd);
    }
    double firstWall = wall[0], firstCpu = cpu[0];
    printf("{\"seconds\": %.9f, \"cpuSeconds\": %.9f, \"firstSeconds\": %.9f, \"firstCpuSeconds\": %.9f, \"runs\": %d, "
           "\"status\": %d, \"steps\": %ld, \"nfev\": %ld, \"njev\": %ld, \"nlu\": %ld, \"values\": [",
           median_after(wall, 1, repeats), median_after(cpu, 1, repeats), firstWall, firstCpu, repeats,
           status, c.steps, c.nfe, c.njev, c.nlu);
    for (long i = 0; i < (long)NEQ * NOUT; i++) printf(i ? ",%.17g" : "%.17g", values[i]);
    printf("]}\n");
    return status < 0;
}
