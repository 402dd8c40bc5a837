// The full scenario schema: the file's shape (schema.ts), then the checks that span fields
// (checks.ts), which run only once the shape is valid. Kept apart from schema.ts so the checks
// may use the shape's types without an import cycle.
import { checkScenario } from './checks.js';
import { scenarioShape } from './schema.js';
import { ONLY_VALID } from '../format/schema-values.js';

export const scenarioSchema = scenarioShape.superRefine((data, ctx) => checkScenario(data, ctx, scenarioShape), ONLY_VALID);
