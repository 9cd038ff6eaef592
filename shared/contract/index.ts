export * from './errors';
export * from './methods';
export * from './labels';
export * from './schemas/common';
export * from './schemas/members';
export * from './schemas/forbund';
