import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../../engine/scenario/jsonSchema';

describe('published scenario JSON Schema', () => {
  it('is current with the zod schema (run `npm run schema` after changing engine/scenario/schema.ts)', () => {
    const committed = JSON.parse(readFileSync('schemas/scenario.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it('describes the fields a teacher writes', () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    for (const field of ['id', 'title', 'start', 'lengthTurns', 'world', 'player', 'rivals', 'victory', 'lesson']) {
      expect(schema.properties).toHaveProperty(field);
      expect(schema.required).toContain(field);
    }
  });
});
