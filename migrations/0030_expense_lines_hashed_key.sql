-- One line per source and id, kept by a 64-bit hash of the id rather than by its text. Every line an import
-- adds writes this key: with two bigints in it rather than a bigint and a text of 20-40 bytes, COPYing
-- 200,000 lines into 800,000 cost 13-18% less (bench/RESULTS.md, expenses). Equal ids have equal hashes, so the database still refuses a
-- second line with an id its source has. Two different ids of one source sharing a hash (for n lines, about
-- n^2 / 2^65: one in 37 million at a million lines) are refused too, and the import says so
-- (run-line-writes.ts). An import finds the lines it had through this index, comparing the ids' text as well.
-- source_id stays the first column: a source's lines are reached through it.
create unique index expense_lines_source_key on expense_lines (source_id, hashtextextended(external_id, 0));
alter table expense_lines drop constraint expense_lines_source_id_external_id_key;
