import type { EmployeeSourceOfTruth } from '../../modules/employees/employee-source.js';
import type { Roster } from '../../roster.js';
import { type ClientFactory, cliActor } from '../context.js';
import type { ApiClient } from '../remote/api-client.js';

/** The employee source of truth: which sources decide who is an employee. */
export interface EmployeesClient {
  getSource(): Promise<EmployeeSourceOfTruth>;
  /** A source's name; `null` goes back to the default rule. */
  setSource(source: string | null): Promise<EmployeeSourceOfTruth>;
}

const services = () => import('../../modules/employees/employee-source.js');

const local = (roster: Roster): EmployeesClient => ({
  getSource: async () => (await services()).getEmployeeSource(roster),
  setSource: async (source) => (await services()).setEmployeeSource(roster, cliActor(), source),
});

const api = (client: ApiClient): EmployeesClient => ({
  getSource: () => client.call('GET', '/api/employees/source'),
  setSource: (source) => client.call('PUT', '/api/employees/source', { body: { source } }),
});

export const employeesClient: ClientFactory<EmployeesClient> = { local, api };
