export * from "./ir.js";
export * from "./solvers/problem.js";
