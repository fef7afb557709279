import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/authenticate.js';
import type { Roster } from '../../roster.js';
import { getEmployeeSource, setEmployeeSource } from './employee-source.js';

const sourceRef = z.object({ id: z.number(), name: z.string(), kind: z.string() });
const employeeSourceSchema = z
  .object({
    chosen: sourceRef.nullable(),
    effective: z.array(sourceRef),
    rule: z.enum(['chosen', 'hr_sources', 'identity_providers', 'none']),
    explanation: z.string(),
  })
  .meta({ id: 'EmployeeSourceOfTruth' });

export function employeeSourceRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/employees/source',
      {
        schema: {
          summary: 'The employee source of truth: which sources decide who is an employee, and why',
          response: { 200: employeeSourceSchema },
        },
      },
      async () => getEmployeeSource(roster),
    );
    app.put(
      '/api/employees/source',
      {
        schema: {
          summary: 'Choose the employee source of truth (a source name or id; null for the default rule)',
          body: z.strictObject({
            source: z.union([z.string().trim().min(1).max(200), z.number().int(), z.null()]),
          }),
          response: { 200: employeeSourceSchema },
        },
      },
      async (request) => setEmployeeSource(roster, actorOf(request), request.body.source),
    );
  };
}
