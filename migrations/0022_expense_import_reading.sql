-- An uploaded file is recognised by its bytes and by how its rows were read (the columns its preset or
-- mapping resolved to, its date format, the currency of lines without one): the same bytes read another
-- way are another import. Null for imports recorded before, which therefore recognise no later upload (an
-- upload of the same file again adds nothing anyway: its lines keep their ids).
alter table expense_imports add column read_with jsonb;
