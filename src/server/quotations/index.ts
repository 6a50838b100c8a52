export * from './schemas';
export * from './queries';
export * from './commands';
export * from './sending';
export * from './public';
export * from './link';
