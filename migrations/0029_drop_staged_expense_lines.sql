-- A run's expense lines are no longer staged: a source of expense lines holds its checked lines in memory
-- and writes them straight into expense_lines when the run applies (src/sync/expense-run-lines.ts), and a
-- source of anything else refuses an expense line. Nothing has read this table since; whatever rows a run
-- left in it were never applied.
drop table if exists staged_expense_lines;
