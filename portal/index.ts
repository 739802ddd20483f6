/** The portal domain: catalogue, forms, organisation rules, cases, events and ports. */
export * from './result.js';
export * from './text.js';
export * from './cpr.js';
export * from './form.js';
export * from './value-words.js';
export * from './value-in-sentence.js';
export * from './catalogue.js';
export * from './organisation.js';
export * from './case.js';
export * from './events.js';
export * from './case-store.port.js';
export * from './directory-store.port.js';
export * from './portal-service.js';
export * from './demo-data.js';
export * from './attachment.js';
