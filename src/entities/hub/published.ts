/**
 * The hub's published types: all that a department module (src/entities/departments/<domain>/,
 * src/resolvers/departments/<domain>/) takes from the hub and from credit, and (with
 * src/resolvers/hub/published.ts for its resolvers) the only file of either it imports: a
 * dependency-cruiser rule holds it to that. A department's details classes
 * implement Disclosure and name market subjects (Subject) in a PartyRole; its index.ts gives each
 * category of its manifest a class with defineCategories (its resolvers' share is
 * src/resolvers/hub/published.ts). Behind this file the hub and credit may change their
 * tables, loaders and write paths without touching a department.
 */
export { defineCategories } from './category-registry.js';
export { Disclosure } from './disclosure.entity.js';
export { PartyRole } from './enums.js';
export { Subject, SubjectKind } from '../credit/subject.entity.js';
