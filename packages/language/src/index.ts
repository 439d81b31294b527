export * from './cascade-module.js';
export * from './generated/ast.js';
export * from './lowering/cascade-lowering.js';
export * from './units/units.js';
export * from './workspace/cascade-diagnostics.js';
export * from './workspace/model-loader.js';
export { cascadeNetwork } from './diagram/network-model.js';
export type { NetworkEdgeKind, NetworkGraph, NetworkNodeCategory, NetworkNodeKind } from './simulation/simulation-protocol.js';
export { nearestNames } from './lsp/edit-distance.js';
