-- Data only: the schema does not change, so the engine must say "no changes".
UPDATE customers SET name = split_part(email, '@', 1) WHERE name IS NULL;
