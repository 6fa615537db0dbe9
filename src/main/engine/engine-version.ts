/**
 * Version of the allocator semantics. Bump it whenever any family's results
 * change for the same scenario and config, so saved runs say which engine made them.
 */
export const ENGINE_VERSION = '1.0.0'
