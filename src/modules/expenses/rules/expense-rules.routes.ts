import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../http/authenticate.js';
import { pageOf, wholeList } from '../../../http/schemas.js';
import type { Roster } from '../../../roster.js';
import { lineAppSchema, ruleInputSchema, ruleSchema, ruleTestSchema } from './expense-rules.schemas.js';
import { addRule, listRules, removeRule } from './expense-rules.service.js';
import { setLineApp } from './line-app.service.js';
import { testRule } from './rule-test.js';

const idParams = z.strictObject({ id: z.coerce.number().int().positive() });

export function expenseRulesRoutes(roster: Roster): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/expenses/rules',
      {
        schema: {
          summary: 'Expense Match and Ignore rules, in the order they apply, with the lines each decides',
          response: { 200: pageOf(ruleSchema) },
        },
      },
      async () => wholeList(await listRules(roster.database.db)),
    );
    app.post(
      '/api/expenses/rules',
      {
        schema: {
          summary: 'Add an expense rule; it applies to every past and future line',
          body: ruleInputSchema,
          response: { 201: ruleSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await addRule(roster, actorOf(request), request.body)),
    );
    app.delete(
      '/api/expenses/rules/:id',
      {
        schema: {
          summary: 'Remove an expense rule; its lines go to the next rule or automatic matching',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await removeRule(roster, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/expenses/rules/test',
      {
        schema: {
          summary:
            'What a rule (given, or an existing one by id) would match in the history: before and after, and the lines it takes',
          body: z.union([z.strictObject({ id: z.number().int().positive() }), ruleInputSchema]),
          response: { 200: ruleTestSchema },
        },
      },
      async (request) => testRule(roster.database.db, request.body),
    );
    app.put(
      '/api/expenses/lines/:id/app',
      {
        schema: {
          summary: "Set one expense line's app by hand (over any rule), or return it to its rules with null",
          params: idParams,
          body: z.strictObject({ app: z.string().min(1).max(200).nullable() }),
          response: { 200: lineAppSchema },
        },
      },
      async (request) => setLineApp(roster, actorOf(request), request.params.id, request.body.app),
    );
  };
}
