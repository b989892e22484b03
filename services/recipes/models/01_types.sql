-- recipes: extensions and enumerated types.

-- Trigram search on recipe names.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TYPE recipe_category AS ENUM ('bread', 'viennoiserie', 'pastry', 'cake', 'cookie', 'savory', 'other');

-- The 14 allergens EU Regulation 1169/2011 requires bakeries to declare.
CREATE TYPE allergen AS ENUM (
    'gluten', 'crustaceans', 'eggs', 'fish', 'peanuts', 'soybeans', 'milk', 'nuts',
    'celery', 'mustard', 'sesame', 'sulphites', 'lupin', 'molluscs'
);
