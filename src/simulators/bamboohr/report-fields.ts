import type { Directory, DirectoryPerson } from '../kit/directory.js';

/**
 * The employee fields the simulated BambooHR company knows, with the type and label BambooHR lists in a
 * report's `fields` array. Values are strings or null, as BambooHR sends them; an empty date is
 * "0000-00-00".
 */
export const reportFields: Readonly<Record<string, { type: string; name: string }>> = {
  id: { type: 'int', name: 'ID' },
  employeeNumber: { type: 'text', name: 'Employee #' },
  firstName: { type: 'text', name: 'First Name' },
  lastName: { type: 'text', name: 'Last Name' },
  preferredName: { type: 'text', name: 'Preferred Name' },
  displayName: { type: 'text', name: 'Display name' },
  workEmail: { type: 'email', name: 'Work Email' },
  homeEmail: { type: 'email', name: 'Home Email' },
  status: { type: 'status', name: 'Status' },
  employmentHistoryStatus: { type: 'list', name: 'Employment Status' },
  hireDate: { type: 'date', name: 'Hire Date' },
  terminationDate: { type: 'date', name: 'Termination Date' },
  department: { type: 'list', name: 'Department' },
  division: { type: 'list', name: 'Division' },
  location: { type: 'list', name: 'Location' },
  jobTitle: { type: 'list', name: 'Job Title' },
  supervisor: { type: 'employee', name: 'Supervisor' },
  supervisorEId: { type: 'int', name: 'Supervisor EID' },
  supervisorEmail: { type: 'email', name: 'Supervisor email' },
  workPhone: { type: 'text', name: 'Work Phone' },
};

export type ReportRow = Record<string, string | null>;

/**
 * Every person of the shared organisation BambooHR would hold (employees and contractors; service mailboxes
 * are not people in an HR system), as full report rows with every known field, built once.
 */
export function reportRows(directory: Directory): ReportRow[] {
  const people = directory.people.filter((p) => p.kind !== 'service');
  const idByEmail = new Map<string, string>();
  const byEmail = new Map<string, DirectoryPerson>();
  people.forEach((p, i) => {
    idByEmail.set(p.email, String(101 + i));
    byEmail.set(p.email, p);
  });
  return people.map((p, i) => {
    const manager = p.managerEmail ? byEmail.get(p.managerEmail) : undefined;
    return {
      id: String(101 + i),
      employeeNumber: p.employeeNumber,
      firstName: p.givenName,
      lastName: p.familyName,
      preferredName: null,
      displayName: p.displayName,
      // An empty email in a test's directory stands for an HR record nobody has given a work address yet.
      workEmail: p.email || null,
      homeEmail: p.personalEmail,
      status: p.employment === 'terminated' ? 'Inactive' : 'Active',
      employmentHistoryStatus:
        p.employment === 'terminated' ? 'Terminated' : p.kind === 'contractor' ? 'Contractor' : 'Full-Time',
      hireDate: p.createdAt.slice(0, 10),
      terminationDate: p.terminationDate ?? '0000-00-00',
      department: p.department,
      division: null,
      location: null,
      jobTitle: p.jobTitle,
      supervisor: manager ? `${manager.familyName}, ${manager.givenName}` : null,
      supervisorEId: manager ? (idByEmail.get(manager.email) ?? null) : null,
      supervisorEmail: p.managerEmail,
      workPhone: null,
    };
  });
}
