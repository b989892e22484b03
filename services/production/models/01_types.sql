-- production: enumerated types.

CREATE TYPE production_plan_status AS ENUM ('draft', 'approved', 'in_progress', 'completed', 'canceled');
CREATE TYPE batch_status AS ENUM ('planned', 'mixing', 'proofing', 'baking', 'cooling', 'completed', 'discarded');
CREATE TYPE qc_result AS ENUM ('pass', 'fail', 'conditional');
