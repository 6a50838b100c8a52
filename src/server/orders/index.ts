export * from './schemas';
export * from './queries';
export * from './commands';
export * from './convert';
