/** Field resolvers of this module's nested types (e.g. a nested subject by credit code). */
export const propertyResolvers = [] as const;
