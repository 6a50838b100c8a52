export * from './organizations';
export * from './people';
export * from './customers';
export * from './audit';
export * from './selling';
export * from './activities';
export * from './tasks';
export * from './files';
