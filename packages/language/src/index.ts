export * from './cascade-module.js';
export * from './generated/ast.js';
