-- recipes: recipes, their immutable versions, ingredients per version and method steps.

-- A recipe; what is baked today is its current version.
CREATE TABLE recipes (
    id                  uuid            PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid            NOT NULL,
    code                text            NOT NULL,
    name                text            NOT NULL,
    category            recipe_category NOT NULL DEFAULT 'other',
    product_id          uuid,
    yield_quantity      numeric(10,3)   NOT NULL CHECK (yield_quantity > 0),
    yield_unit          text            NOT NULL DEFAULT 'unit',
    current_version_id  uuid,
    is_active           boolean         NOT NULL DEFAULT true,
    created_at          timestamptz     NOT NULL DEFAULT now(),
    updated_at          timestamptz     NOT NULL DEFAULT now(),
    deleted_at          timestamptz
);

CREATE UNIQUE INDEX recipes_tenant_code_key ON recipes (tenant_id, code) WHERE deleted_at IS NULL;
CREATE INDEX recipes_name_trgm_idx ON recipes USING gin (name gin_trgm_ops);

COMMENT ON TABLE recipes IS 'Bakery recipes; a change creates a new recipe_versions row.';
COMMENT ON COLUMN recipes.product_id IS 'The sellable product this recipe makes (sales/pos catalogue id).';

-- A frozen version of a recipe; production batches reference a version, not the recipe.
CREATE TABLE recipe_versions (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid        NOT NULL,
    recipe_id     uuid        NOT NULL REFERENCES recipes (id) ON DELETE CASCADE,
    version       integer     NOT NULL CHECK (version > 0),
    notes         text,
    total_time    interval,
    created_by    uuid,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT recipe_versions_recipe_version_key UNIQUE (recipe_id, version)
);

-- recipes and recipe_versions reference each other: a new recipe and its first version are
-- inserted in one transaction, so the check waits until commit.
ALTER TABLE recipes
    ADD CONSTRAINT recipes_current_version_fk FOREIGN KEY (current_version_id)
        REFERENCES recipe_versions (id) ON DELETE SET NULL
        DEFERRABLE INITIALLY DEFERRED;

-- Ingredients of one version, in grams or units; ingredient_id is inventory.ingredients.id.
CREATE TABLE recipe_ingredients (
    id                 uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id          uuid          NOT NULL,
    recipe_version_id  uuid          NOT NULL REFERENCES recipe_versions (id) ON DELETE CASCADE,
    ingredient_id      uuid          NOT NULL,
    quantity           numeric(12,3) NOT NULL CHECK (quantity > 0),
    unit               text          NOT NULL,
    baker_percentage   numeric(6,2)  CHECK (baker_percentage >= 0),
    is_optional        boolean       NOT NULL DEFAULT false,
    position           smallint      NOT NULL DEFAULT 1,
    CONSTRAINT recipe_ingredients_version_ingredient_key UNIQUE (recipe_version_id, ingredient_id)
);

CREATE INDEX recipe_ingredients_ingredient_idx ON recipe_ingredients (tenant_id, ingredient_id);

COMMENT ON COLUMN recipe_ingredients.baker_percentage IS 'Weight relative to total flour weight (flour = 100).';

-- Allergens declared for a version: contained, or possibly present as a trace.
CREATE TABLE recipe_allergens (
    recipe_version_id  uuid        NOT NULL REFERENCES recipe_versions (id) ON DELETE CASCADE,
    allergen           allergen    NOT NULL,
    tenant_id          uuid        NOT NULL,
    may_contain_traces boolean     NOT NULL DEFAULT false,
    declared_by        uuid,
    declared_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (recipe_version_id, allergen)
);

CREATE INDEX recipe_allergens_tenant_allergen_idx ON recipe_allergens (tenant_id, allergen);

COMMENT ON TABLE recipe_allergens IS 'Allergen declaration per recipe version, printed on labels.';

-- The method, step by step.
CREATE TABLE recipe_steps (
    recipe_version_id  uuid     NOT NULL REFERENCES recipe_versions (id) ON DELETE CASCADE,
    step_no            smallint NOT NULL CHECK (step_no > 0),
    tenant_id          uuid     NOT NULL,
    instruction        text     NOT NULL,
    duration_minutes   integer  CHECK (duration_minutes >= 0),
    temperature_c      smallint CHECK (temperature_c BETWEEN -40 AND 320),
    equipment          text,
    PRIMARY KEY (recipe_version_id, step_no)
);
