-- recipes: the current version of every live recipe with its ingredient count.

CREATE VIEW current_recipes AS
SELECT r.tenant_id,
       r.id AS recipe_id,
       r.code,
       r.name,
       r.category,
       v.id AS recipe_version_id,
       v.version,
       (SELECT count(*) FROM recipe_ingredients ri WHERE ri.recipe_version_id = v.id) AS ingredient_count
FROM recipes r
JOIN recipe_versions v ON v.id = r.current_version_id
WHERE r.deleted_at IS NULL
  AND r.is_active;
